//! KMS (docs/model.md, `aws.kms`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Kms {
    pub keys: Vec<KmsKey>,
}

/// A customer managed key (`aws_kms_key`, `AWS::KMS::Key`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct KmsKey {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The key policy (`policy`, an `aws_kms_key_policy`, `KeyPolicy`); absent when none is written
    /// (KMS then gives the owning account, and only it, full access).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

entity!(KmsKey);
