# METADATA
# title: Cosmos DB account accepts connections from all networks
# description: |
#   A Cosmos DB account with public network access, no IP filter and no virtual network filter answers
#   requests from any address on the internet; an IP filter containing 0.0.0.0/0 does the same. The
#   account's primary keys give full read and write access to all its data and end up in connection
#   strings, app settings and pipelines: with the account open to all networks, a leaked key is usable
#   from anywhere. Medium: every request still needs a key or an Entra ID token.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-configure-firewall
# custom:
#   id: AZURE-COSMOSDB-001
#   name: cosmosdb-account-all-networks
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Set `ip_range_filter` to the addresses that need the account, or
#     `is_virtual_network_filter_enabled = true` with `virtual_network_rule` blocks, or
#     `public_network_access_enabled = false` with a private endpoint.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 4.5.1
package preflight.azure.cosmosdb.account_all_networks

import data.preflight.lib

deny contains lib.result(a, "public_network_access_enabled", msg) if {
	some a in input.azure.cosmosdb.accounts
	a.public_network_access_enabled == true
	count(a.ip_range_filter) == 0
	a.is_virtual_network_filter_enabled == false
	msg := sprintf("Cosmos DB account `%s` accepts connections from all networks", [a.label])
}

deny contains lib.result(a, "ip_range_filter", msg) if {
	some a in input.azure.cosmosdb.accounts
	a.public_network_access_enabled == true
	some r in a.ip_range_filter
	r in {"0.0.0.0/0", "*"}
	msg := sprintf("Cosmos DB account `%s` admits the whole internet in its IP filter (%s)", [a.label, r])
}
