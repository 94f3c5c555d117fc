package preflight.azure.storage.account_nested_items_public_test

import data.preflight.azure.storage.account_nested_items_public as p

account(extra) := object.union({"id": "azurerm_storage_account.data", "label": "data", "unknown": []}, extra)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"storage": {"accounts": [a], "containers": []}}}
}

test_public_nested_items_denied if {
	results := deny_for(account({"allow_nested_items_to_be_public": true}))
	count(results) == 1
	some r in results
	r.path == "allow_nested_items_to_be_public"
	r.message == "Storage account `data` allows anonymous public access to its containers and blobs"
}

test_disallowed_allowed if count(deny_for(account({"allow_nested_items_to_be_public": false}))) == 0

test_unknown_silent if count(deny_for(account({"unknown": ["allow_nested_items_to_be_public"]}))) == 0
