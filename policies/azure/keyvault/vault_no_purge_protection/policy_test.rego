package preflight.azure.keyvault.vault_no_purge_protection_test

import data.preflight.azure.keyvault.vault_no_purge_protection as p

vault(extra) := object.union({"id": "azurerm_key_vault.kv", "label": "kv", "unknown": []}, extra)

deny_for(v) := results if {
	results := p.deny with input as {"azure": {"keyvault": {"vaults": [v]}}}
}

test_no_purge_protection_denied if {
	results := deny_for(vault({"purge_protection_enabled": false}))
	count(results) == 1
	some r in results
	r.path == "purge_protection_enabled"
	r.message == "Key Vault `kv` can be purged with its keys and secrets before the retention period ends"
}

test_purge_protection_allowed if count(deny_for(vault({"purge_protection_enabled": true}))) == 0

test_unknown_silent if count(deny_for(vault({"unknown": ["purge_protection_enabled"]}))) == 0
