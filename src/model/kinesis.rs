//! Kinesis Data Streams and Data Firehose (docs/model.md, `aws.kinesis`, `aws.firehose`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Kinesis {
    pub streams: Vec<KinesisStream>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct KinesisStream {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Server-side encryption with KMS (not on by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// `NONE`, `AWS_MANAGED` (`alias/aws/kinesis`) or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Firehose {
    pub delivery_streams: Vec<DeliveryStream>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DeliveryStream {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where records come from: `DirectPut` (the default), `KinesisStreamAsSource`, `MSKAsSource` or
    /// `DatabaseAsSource`. Server-side encryption applies to `DirectPut` streams only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Server-side encryption of the records Firehose holds (not on by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// `NONE`, `AWS_OWNED` or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<String>,
}

entity!(KinesisStream, DeliveryStream);
