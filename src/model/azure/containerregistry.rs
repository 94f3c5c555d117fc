//! Container registries (`azure.containerregistry`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Containerregistry {
    pub registries: Vec<ContainerRegistry>,
}

/// An `azurerm_container_registry`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ContainerRegistry {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `admin_enabled`: the registry's admin user, one shared user name and password with push and
    /// pull rights; `false` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_enabled: Option<bool>,
    /// `anonymous_pull_enabled`: anyone can pull images without credentials; `false` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anonymous_pull_enabled: Option<bool>,
    /// `public_network_access_enabled`, `true` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_network_access_enabled: Option<bool>,
    /// `network_rule_set.default_action` (`Allow` or `Deny`); `Allow` when there is no
    /// `network_rule_set` block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_default_action: Option<String>,
}

entity!(ContainerRegistry);
