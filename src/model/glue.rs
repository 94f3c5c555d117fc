//! Glue (docs/model.md, `aws.glue`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Glue {
    pub catalog_encryption_settings: Vec<GlueCatalogEncryption>,
}

/// `aws_glue_data_catalog_encryption_settings`, `AWS::Glue::DataCatalogEncryptionSettings`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct GlueCatalogEncryption {
    #[serde(flatten)]
    pub meta: Meta,
    /// `DISABLED`, `SSE-KMS` or `SSE-KMS-WITH-SERVICE-ROLE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog_encryption_mode: Option<String>,
    /// Whether `GetConnection` returns connection passwords encrypted with a KMS key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection_password_encrypted: Option<bool>,
}

entity!(GlueCatalogEncryption);
