//! Kubernetes clusters (`azure.aks`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Aks {
    pub clusters: Vec<AksCluster>,
    pub node_pools: Vec<AksNodePool>,
}

/// An `azurerm_kubernetes_cluster_node_pool` (a node pool beside the default one).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct AksNodePool {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `host_encryption_enabled` (`enable_host_encryption` before provider 4); `false` when not
    /// written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_encryption_enabled: Option<bool>,
}

/// An `azurerm_kubernetes_cluster`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct AksCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `false` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_cluster_enabled: Option<bool>,
    /// The IP ranges allowed to reach the API server: `api_server_access_profile.authorized_ip_ranges`
    /// (or `api_server_authorized_ip_ranges` before provider 4); empty when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorized_ip_ranges: Option<Vec<String>>,
    /// `disk_encryption_set_id` (a customer-managed key for the nodes' OS and data disks) as written, or
    /// `address.attr` for a reference to a resource in the code; absent when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disk_encryption_set_id: Option<String>,
    /// The default node pool's `host_encryption_enabled` (`enable_host_encryption` before provider 4):
    /// temporary disks, caches and data between the host and its disks encrypted; `false` when not
    /// written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_encryption_enabled: Option<bool>,
}

entity!(AksCluster, AksNodePool);
