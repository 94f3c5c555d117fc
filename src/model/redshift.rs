//! Redshift (docs/model.md, `aws.redshift`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Redshift {
    pub clusters: Vec<RedshiftCluster>,
}

/// A provisioned Redshift cluster.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct RedshiftCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The cluster gets a public IP address. Terraform (provider v5) sends `true` when left out;
    /// CloudFormation leaves it to AWS, whose default is `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publicly_accessible: Option<bool>,
    /// Data at rest is encrypted. AWS encrypts every new cluster (with a key AWS owns when none is
    /// given), so only an explicit `false` turns it off; absent when restored from a snapshot without
    /// saying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

entity!(RedshiftCluster);
