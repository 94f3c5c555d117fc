package preflight.azure.storage.account_old_tls_test

import data.preflight.azure.storage.account_old_tls as p

account(extra) := object.union({"id": "azurerm_storage_account.data", "label": "data", "unknown": []}, extra)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"storage": {"accounts": [a], "containers": []}}}
}

test_tls10_denied if {
	results := deny_for(account({"min_tls_version": "TLS1_0"}))
	count(results) == 1
	some r in results
	r.path == "min_tls_version"
	r.message == "Storage account `data` accepts TLS1_0, below TLS 1.2"
}

test_tls11_denied if count(deny_for(account({"min_tls_version": "TLS1_1"}))) == 1

test_tls12_allowed if count(deny_for(account({"min_tls_version": "TLS1_2"}))) == 0

test_unknown_silent if count(deny_for(account({"unknown": ["min_tls_version"]}))) == 0
