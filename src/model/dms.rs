//! Database Migration Service (docs/model.md, `aws.dms`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Dms {
    pub replication_instances: Vec<DmsReplicationInstance>,
    pub endpoints: Vec<DmsEndpoint>,
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

/// A source or target endpoint of a migration.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DmsEndpoint {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `source` or `target`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint_type: Option<String>,
    /// The engine, lower case (`mysql`, `postgres`, `s3`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine_name: Option<String>,
    /// `none` (the default), `require`, `verify-ca` or `verify-full`, lower case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssl_mode: Option<String>,
}

entity!(DmsReplicationInstance, DmsEndpoint);
