//! CloudWatch Logs (docs/model.md, `aws.cloudwatch`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Cloudwatch {
    pub log_groups: Vec<LogGroup>,
    pub log_destinations: Vec<LogDestination>,
    pub log_resource_policies: Vec<LogResourcePolicy>,
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

/// A CloudWatch Logs destination (`aws_cloudwatch_log_destination`, `AWS::Logs::Destination`): where
/// other accounts' subscription filters send their log events.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LogDestination {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The destination policy (`aws_cloudwatch_log_destination_policy`, `DestinationPolicy`): who may
    /// subscribe to it; absent when none (only the owning account can).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

/// An account-wide CloudWatch Logs resource policy (`aws_cloudwatch_log_resource_policy`,
/// `AWS::Logs::ResourcePolicy`): which principals (usually AWS services such as Route 53, OpenSearch or
/// log delivery) may create log streams and put events in the account's log groups.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LogResourcePolicy {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The policy document (`policy_document`, `PolicyDocument`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

entity!(LogGroup, LogDestination, LogResourcePolicy);
