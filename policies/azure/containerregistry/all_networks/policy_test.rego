package preflight.azure.containerregistry.all_networks_test

import data.preflight.azure.containerregistry.all_networks as p

registry(extra) := object.union(
	{"id": "azurerm_container_registry.images", "label": "images", "unknown": [], "public_network_access_enabled": true, "network_default_action": "Allow"},
	extra,
)

deny_for(r) := results if {
	results := p.deny with input as {"azure": {"containerregistry": {"registries": [r]}}}
}

test_all_networks_denied if {
	results := deny_for(registry({}))
	count(results) == 1
	some r in results
	r.path == "network_default_action"
	r.message == "Container registry `images` accepts connections from all networks"
}

test_private_allowed if count(deny_for(registry({"public_network_access_enabled": false}))) == 0

test_deny_by_default_allowed if count(deny_for(registry({"network_default_action": "Deny"}))) == 0

test_unknown_action_silent if {
	r := json.remove(registry({"unknown": ["network_default_action"]}), ["network_default_action"])
	count(deny_for(r)) == 0
}

test_unknown_public_silent if {
	r := json.remove(registry({"unknown": ["public_network_access_enabled"]}), ["public_network_access_enabled"])
	count(deny_for(r)) == 0
}
