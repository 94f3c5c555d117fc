//! Secrets Manager (docs/model.md, `aws.secretsmanager`).

use super::Meta;
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
}

entity!(Secret);
