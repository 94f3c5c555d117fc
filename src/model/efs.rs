//! EFS (docs/model.md, `aws.efs`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Efs {
    pub file_systems: Vec<EfsFileSystem>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EfsFileSystem {
    #[serde(flatten)]
    pub meta: Meta,
    /// Terraform's `creation_token` (absent in CloudFormation: the label is the logical ID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Encryption at rest (off by default in the API, Terraform and CloudFormation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// `NONE`, `AWS_MANAGED` (`aws/elasticfilesystem`) or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// The file system policy (`aws_efs_file_system_policy`, `FileSystemPolicy`); absent when none is
    /// written (EFS then lets every client that can reach a mount target mount it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

entity!(EfsFileSystem);
