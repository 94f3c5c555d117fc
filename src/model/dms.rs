//! Database Migration Service (docs/model.md, `aws.dms`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Dms {
    pub replication_instances: Vec<DmsReplicationInstance>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DmsReplicationInstance {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The instance gets a public IP address. Terraform sends `false` when left out; CloudFormation
    /// leaves it to AWS, whose default is `true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publicly_accessible: Option<bool>,
}

entity!(DmsReplicationInstance);
