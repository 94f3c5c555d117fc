//! Dataproc clusters (docs/model.md, `gcp.dataproc`): whether their VMs have external IPs.

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Dataproc {
    pub clusters: Vec<DataprocCluster>,
}

/// A `google_dataproc_cluster`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DataprocCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `cluster_config.gce_cluster_config.internal_ip_only`: the cluster's VMs have internal
    /// addresses only. Its default depends on the image: `true` from image version 2.2 (and for the
    /// default image), `false` before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal_ip_only: Option<bool>,
    /// `cluster_config.software_config.image_version` as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_version: Option<String>,
}

entity!(DataprocCluster);
