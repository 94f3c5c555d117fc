package preflight.azure.database.firewall_allows_azure_services_test

import data.preflight.azure.database.firewall_allows_azure_services as p

rule(extra) := object.union({"id": "azurerm_mssql_firewall_rule.azure", "label": "azure", "unknown": [], "engine": "mssql"}, extra)

deny_for(f) := results if {
	results := p.deny with input as {"azure": {"database": {"servers": [], "firewall_rules": [f]}}}
}

test_azure_services_denied if {
	results := deny_for(rule({"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}))
	count(results) == 1
	some r in results
	r.path == "start_ip_address"
	r.message == "Firewall rule `azure` admits every Azure service, including other customers' resources"
}

test_other_range_allowed if count(deny_for(rule({"start_ip_address": "203.0.113.1", "end_ip_address": "203.0.113.1"}))) == 0

test_unknown_silent if count(deny_for(rule({"start_ip_address": "0.0.0.0", "unknown": ["end_ip_address"]}))) == 0
