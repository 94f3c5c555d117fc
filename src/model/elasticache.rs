//! ElastiCache (docs/model.md, `aws.elasticache`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Elasticache {
    pub replication_groups: Vec<CacheReplicationGroup>,
}

/// A Valkey or Redis OSS replication group (node-based).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct CacheReplicationGroup {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `redis` (the default) or `valkey`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    /// Default `false` for Redis OSS, `true` for Valkey; absent when inherited (a global datastore
    /// member, a group built around an existing primary cluster).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_rest_encryption_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// TLS for client connections, default `false`; absent when inherited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transit_encryption_enabled: Option<bool>,
}

entity!(CacheReplicationGroup);
