//! MSK, Amazon Managed Streaming for Apache Kafka (docs/model.md, `aws.msk`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Msk {
    pub clusters: Vec<KafkaCluster>,
}

/// A provisioned MSK cluster (`aws_msk_cluster`, `AWS::MSK::Cluster`). Serverless clusters are always
/// reached over TLS inside a VPC and encrypted at rest, and are not modelled.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct KafkaCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Traffic between clients and brokers: `TLS` (the default), `TLS_PLAINTEXT` or `PLAINTEXT`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_broker: Option<String>,
    /// Whether traffic between brokers is encrypted (default `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_cluster_encryption: Option<bool>,
    /// `DISABLED` (the default) or `SERVICE_PROVIDED_EIPS` (brokers get public addresses).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_access: Option<String>,
    /// The key the broker volumes are encrypted with: `AWS_MANAGED` (`aws/kafka`, the default) or
    /// `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

entity!(KafkaCluster);
