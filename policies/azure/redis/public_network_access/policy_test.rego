package preflight.azure.redis.public_network_access_test

import data.preflight.azure.redis.public_network_access as p

cache(extra) := object.union({"id": "azurerm_redis_cache.sessions", "label": "sessions", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"azure": {"redis": {"caches": [c]}}}
}

test_public_denied if {
	results := deny_for(cache({"public_network_access_enabled": true}))
	count(results) == 1
	some r in results
	r.path == "public_network_access_enabled"
	r.message == "Redis cache `sessions` accepts connections on a public endpoint"
}

test_private_allowed if count(deny_for(cache({"public_network_access_enabled": false}))) == 0

test_unknown_silent if count(deny_for(cache({"unknown": ["public_network_access_enabled"]}))) == 0
