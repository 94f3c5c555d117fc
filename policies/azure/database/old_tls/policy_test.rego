package preflight.azure.database.old_tls_test

import data.preflight.azure.database.old_tls as p

server(extra) := object.union({"id": "azurerm_mssql_server.sales", "label": "sales", "unknown": [], "engine": "mssql"}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"azure": {"database": {"servers": [s], "firewall_rules": []}}}
}

test_sql_tls_1_0_denied if {
	results := deny_for(server({"min_tls_version": "1.0"}))
	count(results) == 1
	some r in results
	r.path == "min_tls_version"
	r.message == "Azure SQL server `sales` accepts TLS 1.0, below 1.2"
}

test_single_server_tls1_1_denied if count(deny_for(server({"engine": "postgresql", "min_tls_version": "TLS1_1"}))) == 1

test_minimum_turned_off_denied if {
	some r in deny_for(server({"engine": "mysql", "min_tls_version": "TLSEnforcementDisabled"}))
	contains(r.message, "no minimum TLS version")
}

test_sql_none_denied if {
	some r in deny_for(server({"min_tls_version": "None"}))
	r.message == "Azure SQL server `sales` has no minimum TLS version (`None`): it accepts TLS 1.0"
}

test_sql_disabled_denied if count(deny_for(server({"min_tls_version": "Disabled"}))) == 1

test_tls_1_2_allowed if {
	count(deny_for(server({"min_tls_version": "1.2"}))) == 0
	count(deny_for(server({"engine": "postgresql", "min_tls_version": "TLS1_2"}))) == 0
}

test_left_out_allowed if count(deny_for(server({}))) == 0

test_unknown_silent if count(deny_for(server({"unknown": ["min_tls_version"]}))) == 0
