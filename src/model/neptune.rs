//! Neptune (docs/model.md, `aws.neptune`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Neptune {
    pub clusters: Vec<NeptuneCluster>,
    pub instances: Vec<NeptuneInstance>,
    pub cluster_snapshots: Vec<NeptuneClusterSnapshot>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct NeptuneCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Default `false`; absent when inherited (a snapshot restore, a replica, a global cluster member).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_encrypted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// A Neptune instance (`aws_neptune_cluster_instance`; CloudFormation's `AWS::Neptune::DBInstance` has no
/// public endpoint setting).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct NeptuneInstance {
    #[serde(flatten)]
    pub meta: Meta,
    /// Default `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publicly_accessible: Option<bool>,
}

/// A manual Neptune cluster snapshot (`aws_neptune_cluster_snapshot`; CloudFormation has no snapshot
/// resource). It has no encryption setting of its own: it is encrypted exactly when its source cluster is.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct NeptuneClusterSnapshot {
    #[serde(flatten)]
    pub meta: Meta,
    /// The source cluster's label (its name, or its resource name), when it is in the scanned code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// The source cluster's `storage_encrypted`; absent and unknown when the cluster is not in the
    /// scanned code or its own setting is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_encrypted: Option<bool>,
}

entity!(NeptuneCluster, NeptuneInstance, NeptuneClusterSnapshot);
