//! Cosmos DB accounts (`azure.cosmosdb`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Cosmosdb {
    pub accounts: Vec<CosmosAccount>,
}

/// An `azurerm_cosmosdb_account`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct CosmosAccount {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `true` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_network_access_enabled: Option<bool>,
    /// `ip_range_filter`: a list (provider 4) or a comma-separated string (3), split into ranges; empty
    /// when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_range_filter: Option<Vec<String>>,
    /// `false` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_virtual_network_filter_enabled: Option<bool>,
}

entity!(CosmosAccount);
