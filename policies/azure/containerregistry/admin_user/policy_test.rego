package preflight.azure.containerregistry.admin_user_test

import data.preflight.azure.containerregistry.admin_user as p

registry(extra) := object.union({"id": "azurerm_container_registry.images", "label": "images", "unknown": []}, extra)

deny_for(r) := results if {
	results := p.deny with input as {"azure": {"containerregistry": {"registries": [r]}}}
}

test_admin_denied if {
	results := deny_for(registry({"admin_enabled": true}))
	count(results) == 1
	some r in results
	r.path == "admin_enabled"
	r.message == "Container registry `images` has its shared admin user enabled (push, pull and delete for anyone with its password)"
}

test_admin_off_allowed if count(deny_for(registry({"admin_enabled": false}))) == 0

test_unknown_silent if count(deny_for(registry({"unknown": ["admin_enabled"]}))) == 0
