//! DocumentDB (docs/model.md, `aws.docdb`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Docdb {
    pub clusters: Vec<DocdbCluster>,
}

/// An instance-based DocumentDB cluster (`aws_docdb_cluster`, `AWS::DocDB::DBCluster`). Elastic clusters
/// are always encrypted and are not modelled.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DocdbCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Default `false`; absent when inherited (a snapshot or point-in-time restore, a global cluster
    /// member).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_encrypted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

entity!(DocdbCluster);
