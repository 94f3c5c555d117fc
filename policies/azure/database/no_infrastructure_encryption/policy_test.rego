package preflight.azure.database.no_infrastructure_encryption_test

import data.preflight.azure.database.no_infrastructure_encryption as p

server(extra) := object.union({"id": "azurerm_postgresql_server.s", "label": "s", "engine": "postgresql", "unknown": []}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"azure": {"database": {"servers": [s]}}}
}

test_single_encryption_denied if {
	results := deny_for(server({"infrastructure_encryption_enabled": false}))
	count(results) == 1
	some r in results
	r.path == "infrastructure_encryption_enabled"
}

test_double_encryption_allowed if count(deny_for(server({"infrastructure_encryption_enabled": true}))) == 0

test_not_applicable_allowed if count(deny_for(server({"engine": "postgresql_flexible"}))) == 0

test_unknown_silent if count(deny_for(server({"unknown": ["infrastructure_encryption_enabled"]}))) == 0
