package preflight.azure.storage.account_shared_key_access_test

import data.preflight.azure.storage.account_shared_key_access as p

account(extra) := object.union({"id": "azurerm_storage_account.data", "label": "data", "unknown": []}, extra)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"storage": {"accounts": [a], "containers": []}}}
}

test_shared_key_denied if {
	results := deny_for(account({"shared_access_key_enabled": true}))
	count(results) == 1
	some r in results
	r.path == "shared_access_key_enabled"
	r.message == "Storage account `data` accepts its access keys and SAS tokens signed with them"
}

test_disabled_allowed if count(deny_for(account({"shared_access_key_enabled": false}))) == 0

test_unknown_silent if count(deny_for(account({"unknown": ["shared_access_key_enabled"]}))) == 0
