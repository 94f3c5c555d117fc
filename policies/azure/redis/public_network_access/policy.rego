# METADATA
# title: Redis cache reachable on a public endpoint
# description: |
#   A Redis cache with public network access has an endpoint on the internet. Everything it holds is
#   then one leaked access key away from anyone, since Redis has no user accounts beyond the keys
#   (unless Microsoft Entra authentication is set up), and the endpoint can be probed and attacked
#   with guessed or stolen keys from anywhere. Caches usually serve applications inside Azure, which
#   reach them through a private endpoint or a virtual network. The provider enables public access
#   unless told otherwise; a cache placed in a subnet (`subnet_id`) has no public endpoint. Firewall
#   rules (`azurerm_redis_firewall_rule`) narrow who may connect but are not judged here. Medium:
#   a key is still needed.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-private-link
# custom:
#   id: AZURE-REDIS-002
#   name: redis-public-network-access
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Set `public_network_access_enabled = false` on the azurerm_redis_cache and reach it through an
#     azurerm_private_endpoint.
package preflight.azure.redis.public_network_access

import data.preflight.lib

deny contains lib.result(c, "public_network_access_enabled", msg) if {
	some c in input.azure.redis.caches
	c.public_network_access_enabled == true
	msg := sprintf("Redis cache `%s` accepts connections on a public endpoint", [c.label])
}
