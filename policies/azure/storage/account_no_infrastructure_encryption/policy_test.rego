package preflight.azure.storage.account_no_infrastructure_encryption_test

import data.preflight.azure.storage.account_no_infrastructure_encryption as p

account(extra) := object.union({"id": "azurerm_storage_account.data", "label": "data", "unknown": []}, extra)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"storage": {"accounts": [a], "containers": []}}}
}

test_single_encryption_denied if {
	results := deny_for(account({"infrastructure_encryption_enabled": false}))
	count(results) == 1
	some r in results
	r.path == "infrastructure_encryption_enabled"
	r.message == "Storage account `data` encrypts data at rest once, without infrastructure encryption"
}

test_double_allowed if count(deny_for(account({"infrastructure_encryption_enabled": true}))) == 0

test_unknown_silent if count(deny_for(account({"unknown": ["infrastructure_encryption_enabled"]}))) == 0
