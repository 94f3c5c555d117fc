# METADATA
# title: Redis cache accepts connections without TLS
# description: |
#   Azure Cache for Redis listens on port 6380 with TLS. Turning on the non-SSL port opens 6379 as
#   well, where the access key sent with AUTH, every command and every cached value (sessions, tokens,
#   query results) cross the network in the clear. Anyone on the path can read them, and the access
#   key gives full control of the cache. The provider leaves the port off unless asked. Medium:
#   exploiting it needs a position on the network path.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-ports
# custom:
#   id: AZURE-REDIS-001
#   name: redis-non-tls-port
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `non_ssl_port_enabled = false` on the azurerm_redis_cache (`enable_non_ssl_port` before provider
#     4), or leave it out, and connect clients to port 6380 with TLS.
package preflight.azure.redis.non_ssl_port

import data.preflight.lib

deny contains lib.result(c, "non_ssl_port_enabled", msg) if {
	some c in input.azure.redis.caches
	c.non_ssl_port_enabled == true
	msg := sprintf("Redis cache `%s` accepts unencrypted connections on port 6379", [c.label])
}
