//! S3 Glacier (docs/model.md, `aws.glacier`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Glacier {
    pub vaults: Vec<GlacierVault>,
}

/// A Glacier vault (`aws_glacier_vault`, `AWS::Glacier::Vault`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct GlacierVault {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The vault access policy (`access_policy`, `AccessPolicy`); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

entity!(GlacierVault);
