package preflight.azure.database.public_network_access_test

import data.preflight.azure.database.public_network_access as p

server(extra) := object.union({"id": "azurerm_mssql_server.app", "label": "app", "unknown": [], "engine": "mssql"}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"azure": {"database": {"servers": [s], "firewall_rules": []}}}
}

test_public_denied if {
	results := deny_for(server({"public_network_access_enabled": true}))
	count(results) == 1
	some r in results
	r.path == "public_network_access_enabled"
	r.message == "Azure SQL server `app` accepts connections on a public endpoint"
}

test_private_allowed if count(deny_for(server({"public_network_access_enabled": false}))) == 0

test_unknown_silent if count(deny_for(server({"unknown": ["public_network_access_enabled"]}))) == 0
