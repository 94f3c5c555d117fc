//! GKE clusters (docs/model.md, `gcp.gke`): who can reach the control plane's endpoint and the
//! nodes, and whether the legacy authorizer grants permissions beside RBAC.

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Gke {
    pub clusters: Vec<GkeCluster>,
}

/// A `google_container_cluster`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct GkeCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `private_cluster_config.enable_private_endpoint`: the control plane has no public endpoint
    /// (default `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_endpoint: Option<bool>,
    /// A `master_authorized_networks_config` block is written: only its CIDR blocks reach the public
    /// endpoint (default `false`: every address does).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorized_networks_enabled: Option<bool>,
    /// The `cidr_blocks.cidr_block` values of that block.
    pub authorized_cidrs: Vec<String>,
    /// `private_cluster_config.enable_private_nodes`: nodes get internal addresses only (default
    /// `false`: each node has an external IP). Unknown when a node pool of the code sets its own
    /// `network_config.enable_private_nodes`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_nodes: Option<bool>,
    /// `enable_legacy_abac`: the legacy ABAC authorizer is on beside RBAC (default `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legacy_abac: Option<bool>,
}

entity!(GkeCluster);
