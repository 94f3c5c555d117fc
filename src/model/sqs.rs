//! SQS (docs/model.md, `aws.sqs`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Sqs {
    pub queues: Vec<SqsQueue>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SqsQueue {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether messages are encrypted at rest: with a KMS key, or with SQS-owned keys (SSE-SQS, the
    /// default for new queues since late 2022).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// `NONE`, `AWS_OWNED` (SSE-SQS), `AWS_MANAGED` (`alias/aws/sqs`) or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<String>,
    /// The queue policy: the queue's own `policy`, or an `aws_sqs_queue_policy` /
    /// `AWS::SQS::QueuePolicy` that names the queue (which replaces it); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

entity!(SqsQueue);
