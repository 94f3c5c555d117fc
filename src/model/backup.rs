//! AWS Backup (docs/model.md, `aws.backup`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Backup {
    pub vaults: Vec<BackupVault>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct BackupVault {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `AWS_MANAGED` (`aws/backup`, the default) or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<String>,
    /// The vault's access policy (`aws_backup_vault_policy`, `AccessPolicy`); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

entity!(BackupVault);
