package preflight.azure.keyvault.vault_all_networks_test

import data.preflight.azure.keyvault.vault_all_networks as p

vault(extra) := object.union({"id": "azurerm_key_vault.kv", "label": "kv", "unknown": [], "public_network_access_enabled": true}, extra)

deny_for(v) := results if {
	results := p.deny with input as {"azure": {"keyvault": {"vaults": [v]}}}
}

test_allow_denied if {
	results := deny_for(vault({"network_default_action": "Allow"}))
	count(results) == 1
	some r in results
	r.path == "network_default_action"
	r.message == "Key Vault `kv` accepts connections from all networks"
}

test_deny_allowed if count(deny_for(vault({"network_default_action": "Deny"}))) == 0

test_private_allowed if count(deny_for(vault({"network_default_action": "Allow", "public_network_access_enabled": false}))) == 0

test_unknown_silent if count(deny_for(vault({"unknown": ["network_default_action"]}))) == 0
