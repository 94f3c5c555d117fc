package preflight.azure.containerregistry.anonymous_pull_test

import data.preflight.azure.containerregistry.anonymous_pull as p

registry(extra) := object.union({"id": "azurerm_container_registry.images", "label": "images", "unknown": []}, extra)

deny_for(r) := results if {
	results := p.deny with input as {"azure": {"containerregistry": {"registries": [r]}}}
}

test_anonymous_denied if {
	results := deny_for(registry({"anonymous_pull_enabled": true}))
	count(results) == 1
	some r in results
	r.path == "anonymous_pull_enabled"
	r.message == "Container registry `images` lets anyone pull its images without signing in"
}

test_signed_in_allowed if count(deny_for(registry({"anonymous_pull_enabled": false}))) == 0

test_unknown_silent if count(deny_for(registry({"unknown": ["anonymous_pull_enabled"]}))) == 0
