package preflight.aws.apigateway.cache_not_encrypted_test

import data.preflight.aws.apigateway.cache_not_encrypted as p

stage(settings, extra) := object.union(
	{"id": "aws_api_gateway_stage.prod", "label": "prod", "unknown": [], "cache_cluster_enabled": true, "method_settings": settings},
	extra,
)

deny_for(s) := results if {
	results := p.deny with input as {"aws": {"apigateway": {"stages": [s]}}}
}

test_unencrypted_cache_denied if {
	results := deny_for(stage([{"method_path": "*/*", "caching_enabled": true, "cache_data_encrypted": false}], {}))
	count(results) == 1
	some r in results
	r.path == "method_settings[0].cache_data_encrypted"
	r.message == "API Gateway stage `prod` caches responses without encrypting the cache"
}

test_method_path_named if {
	results := deny_for(stage([{"method_path": "orders/GET", "caching_enabled": true, "cache_data_encrypted": false}], {}))
	some r in results
	r.message == "API Gateway stage `prod` caches responses of `GET /orders` without encrypting the cache"
}

test_encrypted_allowed if {
	count(deny_for(stage([{"caching_enabled": true, "cache_data_encrypted": true}], {}))) == 0
}

test_caching_off_allowed if {
	count(deny_for(stage([{"caching_enabled": false, "cache_data_encrypted": false}], {}))) == 0
}

test_no_cache_cluster_allowed if {
	count(deny_for(stage([{"caching_enabled": true, "cache_data_encrypted": false}], {"cache_cluster_enabled": false}))) == 0
}

test_unknown_silent if {
	s := object.remove(stage([{"caching_enabled": true}], {"unknown": ["cache_cluster_enabled", "method_settings[0].cache_data_encrypted"]}), ["cache_cluster_enabled"])
	count(deny_for(s)) == 0
}

test_nested_path_is_shown_method_first if {
	results := p.deny with input as {"aws": {"apigateway": {"stages": [{
		"id": "aws_api_gateway_stage.prod", "label": "prod", "unknown": [], "cache_cluster_enabled": true,
		"method_settings": [{"method_path": "orders/{id}/GET", "caching_enabled": true, "cache_data_encrypted": false}],
	}]}}}
	some r in results
	r.message == "API Gateway stage `prod` caches responses of `GET /orders/{id}` without encrypting the cache"
}
