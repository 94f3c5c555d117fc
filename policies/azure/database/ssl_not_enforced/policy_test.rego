package preflight.azure.database.ssl_not_enforced_test

import data.preflight.azure.database.ssl_not_enforced as p

server(extra) := object.union({"id": "azurerm_postgresql_server.orders", "label": "orders", "unknown": [], "engine": "postgresql"}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"azure": {"database": {"servers": [s], "firewall_rules": []}}}
}

test_ssl_off_denied if {
	results := deny_for(server({"ssl_enforced": false}))
	count(results) == 1
	some r in results
	r.path == "ssl_enforced"
	r.message == "PostgreSQL server `orders` accepts connections without TLS"
}

test_ssl_on_allowed if count(deny_for(server({"ssl_enforced": true}))) == 0

test_sql_server_allowed if count(deny_for(server({"engine": "mssql"}))) == 0

test_unknown_silent if count(deny_for(server({"unknown": ["ssl_enforced"]}))) == 0
