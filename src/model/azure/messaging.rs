//! Event Hubs and Service Bus namespaces (`azure.messaging`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Messaging {
    pub namespaces: Vec<MessagingNamespace>,
}

/// An `azurerm_eventhub_namespace` or `azurerm_servicebus_namespace`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct MessagingNamespace {
    #[serde(flatten)]
    pub meta: Meta,
    /// `eventhub` or `servicebus`.
    pub service: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `public_network_access_enabled`, `true` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_network_access_enabled: Option<bool>,
    /// `default_action` of the network rule set (`Allow` or `Deny`): the inline `network_rulesets`
    /// (Event Hubs) or `network_rule_set` (Service Bus) block, or an
    /// `azurerm_servicebus_namespace_network_rule_set` naming the namespace; `Allow` when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_default_action: Option<String>,
    /// `minimum_tls_version` (`1.0`, `1.1`, `1.2`); `1.2` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_tls_version: Option<String>,
}

entity!(MessagingNamespace);
