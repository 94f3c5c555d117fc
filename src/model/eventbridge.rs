//! EventBridge (docs/model.md, `aws.eventbridge`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Eventbridge {
    pub buses: Vec<EventBus>,
}

/// An event bus (`aws_cloudwatch_event_bus`, `AWS::Events::EventBus`), or the account's `default` bus
/// when only a policy or permission names it.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EventBus {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The bus policy: the bus's own `Policy`, an `aws_cloudwatch_event_bus_policy` or
    /// `AWS::Events::EventBusPolicy` with a `Statement`, and one statement per
    /// `aws_cloudwatch_event_permission` (or `EventBusPolicy` written with `Principal`/`Action`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

entity!(EventBus);
