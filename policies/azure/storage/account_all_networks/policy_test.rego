package preflight.azure.storage.account_all_networks_test

import data.preflight.azure.storage.account_all_networks as p

account(extra) := object.union(
	{"id": "azurerm_storage_account.data", "label": "data", "unknown": [], "public_network_access_enabled": true},
	extra,
)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"storage": {"accounts": [a], "containers": []}}}
}

test_allow_denied if {
	results := deny_for(account({"network_default_action": "Allow"}))
	count(results) == 1
	some r in results
	r.path == "network_default_action"
	r.message == "Storage account `data` accepts connections from all networks"
}

test_deny_allowed if count(deny_for(account({"network_default_action": "Deny"}))) == 0

test_no_public_network_allowed if {
	count(deny_for(account({"network_default_action": "Allow", "public_network_access_enabled": false}))) == 0
}

test_unknown_silent if count(deny_for(account({"unknown": ["network_default_action"]}))) == 0
