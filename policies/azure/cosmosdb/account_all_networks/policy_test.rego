package preflight.azure.cosmosdb.account_all_networks_test

import data.preflight.azure.cosmosdb.account_all_networks as p

account(extra) := object.union(
	{
		"id": "azurerm_cosmosdb_account.db", "label": "db", "unknown": [],
		"public_network_access_enabled": true, "ip_range_filter": [], "is_virtual_network_filter_enabled": false,
	},
	extra,
)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"cosmosdb": {"accounts": [a]}}}
}

test_open_denied if {
	results := deny_for(account({}))
	count(results) == 1
	some r in results
	r.path == "public_network_access_enabled"
	r.message == "Cosmos DB account `db` accepts connections from all networks"
}

test_world_filter_denied if {
	results := deny_for(account({"ip_range_filter": ["10.0.0.1", "0.0.0.0/0"]}))
	some r in results
	r.path == "ip_range_filter"
	r.message == "Cosmos DB account `db` admits the whole internet in its IP filter (0.0.0.0/0)"
}

test_filter_allowed if count(deny_for(account({"ip_range_filter": ["203.0.113.7"]}))) == 0

test_vnet_filter_allowed if count(deny_for(account({"is_virtual_network_filter_enabled": true}))) == 0

test_private_allowed if count(deny_for(account({"public_network_access_enabled": false}))) == 0

test_unknown_silent if {
	a := object.remove(account({"unknown": ["ip_range_filter"]}), ["ip_range_filter"])
	count(deny_for(a)) == 0
}
