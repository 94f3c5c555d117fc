package preflight.azure.database.firewall_open_to_internet_test

import data.preflight.azure.database.firewall_open_to_internet as p

rule(extra) := object.union(
	{"id": "azurerm_mssql_firewall_rule.all", "label": "all", "unknown": [], "engine": "mssql"},
	extra,
)

deny_for(f) := results if {
	results := p.deny with input as {"azure": {"database": {"servers": [], "firewall_rules": [f]}}}
}

test_whole_internet_denied if {
	results := deny_for(rule({"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255", "address_count": 4294967296}))
	count(results) == 1
	some r in results
	r.path == "start_ip_address"
	r.message == "Firewall rule `all` admits the whole internet to the Azure SQL server (0.0.0.0-255.255.255.255)"
}

test_half_internet_denied if {
	results := deny_for(rule({"start_ip_address": "0.0.0.0", "end_ip_address": "127.255.255.255", "address_count": 2147483648}))
	some r in results
	r.message == "Firewall rule `all` admits 2147483648 addresses to the Azure SQL server (0.0.0.0-127.255.255.255)"
}

test_azure_services_allowed if {
	count(deny_for(rule({"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0", "address_count": 1}))) == 0
}

test_office_range_allowed if count(deny_for(rule({"address_count": 256}))) == 0

test_unknown_silent if count(deny_for(rule({"unknown": ["end_ip_address"], "start_ip_address": "0.0.0.0"}))) == 0
