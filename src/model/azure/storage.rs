//! Storage accounts and blob containers (`azure.storage`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Storage {
    pub accounts: Vec<StorageAccount>,
    pub containers: Vec<StorageContainer>,
}

/// An `azurerm_storage_account`, with the provider's defaults filled in for what is not written.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct StorageAccount {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether containers and blobs may be made public (`allow_nested_items_to_be_public`, formerly
    /// `allow_blob_public_access`); `true` when not written (provider 3.0 and later).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_nested_items_to_be_public: Option<bool>,
    /// `true` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_network_access_enabled: Option<bool>,
    /// The firewall's default action (`Allow` or `Deny`) from a `network_rules` block or an
    /// `azurerm_storage_account_network_rules` resource; `Allow` when neither exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_default_action: Option<String>,
    /// `https_traffic_only_enabled` (provider 4) or `enable_https_traffic_only` (3); `true` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub https_traffic_only_enabled: Option<bool>,
    /// `TLS1_0`, `TLS1_1`, `TLS1_2` or `TLS1_3`; `TLS1_2` when not written (provider 3.0 and later).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_tls_version: Option<String>,
    /// `true` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_access_key_enabled: Option<bool>,
    /// `false` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infrastructure_encryption_enabled: Option<bool>,
    /// A customer-managed key is configured: a `customer_managed_key` block or an
    /// `azurerm_storage_account_customer_managed_key` resource naming the account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_managed_key: Option<bool>,
}

/// An `azurerm_storage_container`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct StorageContainer {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `private` (the default), `blob` or `container`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_access_type: Option<String>,
    /// The account's `allow_nested_items_to_be_public`, when the account is in the scanned code; unknown
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_allows_public: Option<bool>,
}

entity!(StorageAccount, StorageContainer);
