//! Amazon MQ (docs/model.md, `aws.mq`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Mq {
    pub brokers: Vec<MqBroker>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct MqBroker {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `ActiveMQ` or `RabbitMQ` (as AWS spells them, whatever the case written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine_type: Option<String>,
    /// The broker's endpoints get public addresses, reachable from the internet. Default `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publicly_accessible: Option<bool>,
    /// Who holds the key that encrypts the broker's storage: `AWS_OWNED` (the default),
    /// `AWS_MANAGED` (`aws/mq`) or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

entity!(MqBroker);
