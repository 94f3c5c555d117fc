package preflight.azure.redis.non_ssl_port_test

import data.preflight.azure.redis.non_ssl_port as p

cache(extra) := object.union({"id": "azurerm_redis_cache.sessions", "label": "sessions", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"azure": {"redis": {"caches": [c]}}}
}

test_non_ssl_port_denied if {
	results := deny_for(cache({"non_ssl_port_enabled": true}))
	count(results) == 1
	some r in results
	r.path == "non_ssl_port_enabled"
	r.message == "Redis cache `sessions` accepts unencrypted connections on port 6379"
}

test_tls_only_allowed if count(deny_for(cache({"non_ssl_port_enabled": false}))) == 0

test_unknown_silent if count(deny_for(cache({"unknown": ["non_ssl_port_enabled"]}))) == 0
