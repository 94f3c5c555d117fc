# METADATA
# title: PostgreSQL or MySQL server accepts connections without TLS
# description: |
#   With SSL enforcement off (`ssl_enforcement_enabled = false` on a single server, or the server
#   parameter `require_secure_transport` set to `OFF` on a flexible server), clients may connect in
#   clear text: passwords, queries and result rows cross the network readable and alterable by anyone
#   on the path. Flexible servers require TLS unless that parameter turns it off. Medium: an attacker
#   needs a position on the network path.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking-ssl-tls
# custom:
#   id: AZURE-DATABASE-002
#   name: database-ssl-not-enforced
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `ssl_enforcement_enabled = true` on the azurerm_postgresql_server / azurerm_mysql_server, or set
#     `value = "ON"` on (or remove) the `require_secure_transport` azurerm_postgresql_flexible_server_configuration
#     / azurerm_mysql_flexible_server_configuration, and connect with `sslmode=verify-full`.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 4.3.1
#     - CIS Microsoft Azure Foundations Benchmark 4.4.1
package preflight.azure.database.ssl_not_enforced

import data.preflight.lib

deny contains lib.result(s, "ssl_enforced", msg) if {
	some s in input.azure.database.servers
	s.ssl_enforced == false
	msg := sprintf("%s `%s` accepts connections without TLS", [engines[s.engine], s.label])
}

engines := {
	"mssql": "Azure SQL server",
	"postgresql": "PostgreSQL server",
	"mysql": "MySQL server",
	"postgresql_flexible": "PostgreSQL flexible server",
	"mysql_flexible": "MySQL flexible server",
}
