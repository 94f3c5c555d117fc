//! DAX, DynamoDB Accelerator (docs/model.md, `aws.dax`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Dax {
    pub clusters: Vec<DaxCluster>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DaxCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Server-side encryption of the nodes' disks (default `false`: DAX does not encrypt unless asked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// How clients reach the cluster endpoint: `NONE` (plain, the default) or `TLS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint_encryption: Option<String>,
}

entity!(DaxCluster);
