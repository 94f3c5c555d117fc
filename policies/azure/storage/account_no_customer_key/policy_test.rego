package preflight.azure.storage.account_no_customer_key_test

import data.preflight.azure.storage.account_no_customer_key as p

account(extra) := object.union({"id": "azurerm_storage_account.data", "label": "data", "unknown": []}, extra)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"storage": {"accounts": [a], "containers": []}}}
}

test_platform_key_denied if {
	results := deny_for(account({"customer_managed_key": false}))
	count(results) == 1
	some r in results
	r.path == "customer_managed_key"
	r.message == "Storage account `data` is encrypted with a Microsoft-managed key, not a customer-managed key"
}

test_customer_key_allowed if count(deny_for(account({"customer_managed_key": true}))) == 0

test_unknown_silent if count(deny_for(account({"unknown": ["customer_managed_key"]}))) == 0
