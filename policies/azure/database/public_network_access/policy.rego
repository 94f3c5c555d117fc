# METADATA
# title: Database server has a public endpoint
# description: |
#   Azure SQL servers and PostgreSQL / MySQL servers accept connections on a public endpoint unless
#   `public_network_access_enabled = false`, which the provider does not default to (flexible servers
#   placed in a delegated subnet have none). The server firewall then decides who gets in: one broad
#   firewall rule, or "allow Azure services", puts the login prompt in reach of others, and the endpoint
#   name is public. Private endpoints or virtual network integration keep the server off the internet
#   altogether. Medium: the firewall still rejects addresses it does not list.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings
# custom:
#   id: AZURE-DATABASE-003
#   name: database-public-network-access
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Set `public_network_access_enabled = false` on the server and connect through a private endpoint
#     (azurerm_private_endpoint), or create a flexible server with `delegated_subnet_id` and
#     `private_dns_zone_id`.
package preflight.azure.database.public_network_access

import data.preflight.lib

deny contains lib.result(s, "public_network_access_enabled", msg) if {
	some s in input.azure.database.servers
	s.public_network_access_enabled == true
	msg := sprintf("%s `%s` accepts connections on a public endpoint", [engines[s.engine], s.label])
}

engines := {
	"mssql": "Azure SQL server",
	"postgresql": "PostgreSQL server",
	"mysql": "MySQL server",
	"postgresql_flexible": "PostgreSQL flexible server",
	"mysql_flexible": "MySQL flexible server",
}
