//! SES (docs/model.md, `aws.ses`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Ses {
    pub identity_policies: Vec<SesIdentityPolicy>,
}

/// A sending authorization policy of an SES identity (`aws_ses_identity_policy`; CloudFormation has no
/// resource for it): who else may send email as the domain or address.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SesIdentityPolicy {
    #[serde(flatten)]
    pub meta: Meta,
    /// The policy's own name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The identity (domain or email address) it authorizes sending for: the name inside an identity
    /// ARN, or the `domain` / `email` of an identity resource in the scan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

entity!(SesIdentityPolicy);
