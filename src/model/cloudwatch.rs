//! CloudWatch Logs (docs/model.md, `aws.cloudwatch`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Cloudwatch {
    pub log_groups: Vec<LogGroup>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LogGroup {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `AWS_OWNED` (CloudWatch Logs' own keys, the default) or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

entity!(LogGroup);
