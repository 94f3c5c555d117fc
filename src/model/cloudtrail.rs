//! CloudTrail (docs/model.md, `aws.cloudtrail`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Cloudtrail {
    pub trails: Vec<Trail>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Trail {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Who holds the key the log files are encrypted with: `AWS_OWNED` (SSE-S3, the default) or
    /// `CUSTOMER_MANAGED` (SSE-KMS with the trail's key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

entity!(Trail);
