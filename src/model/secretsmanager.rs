//! Secrets Manager (docs/model.md, `aws.secretsmanager`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Secretsmanager {
    pub secrets: Vec<Secret>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Secret {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `AWS_MANAGED` (`aws/secretsmanager`, the default) or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// The secret's resource policy (its `policy`, an `aws_secretsmanager_secret_policy`, an
    /// `AWS::SecretsManager::ResourcePolicy`); absent when none is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

entity!(Secret);
