//! Azure Cache for Redis (`azure.redis`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Redis {
    pub caches: Vec<RedisCache>,
}

/// An `azurerm_redis_cache`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct RedisCache {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `non_ssl_port_enabled` (`enable_non_ssl_port` before provider 4): port 6379 without TLS open
    /// beside 6380; `false` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_ssl_port_enabled: Option<bool>,
    /// `public_network_access_enabled`, `true` when not written; `false` for a cache placed in a
    /// subnet (`subnet_id`), which has no public endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_network_access_enabled: Option<bool>,
}

entity!(RedisCache);
