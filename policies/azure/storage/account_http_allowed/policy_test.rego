package preflight.azure.storage.account_http_allowed_test

import data.preflight.azure.storage.account_http_allowed as p

account(extra) := object.union({"id": "azurerm_storage_account.data", "label": "data", "unknown": []}, extra)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"storage": {"accounts": [a], "containers": []}}}
}

test_http_denied if {
	results := deny_for(account({"https_traffic_only_enabled": false}))
	count(results) == 1
	some r in results
	r.path == "https_traffic_only_enabled"
	r.message == "Storage account `data` accepts requests over unencrypted HTTP"
}

test_https_only_allowed if count(deny_for(account({"https_traffic_only_enabled": true}))) == 0

test_unknown_silent if count(deny_for(account({"unknown": ["https_traffic_only_enabled"]}))) == 0
