//! Key Vaults (`azure.keyvault`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Keyvault {
    pub vaults: Vec<KeyVault>,
}

/// An `azurerm_key_vault`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct KeyVault {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `true` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_network_access_enabled: Option<bool>,
    /// `network_acls.default_action`; `Allow` when there is no `network_acls` block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_default_action: Option<String>,
    /// `false` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purge_protection_enabled: Option<bool>,
}

entity!(KeyVault);
