# METADATA
# title: PostgreSQL or MySQL single server without infrastructure double encryption
# description: |
#   Azure Database for PostgreSQL and MySQL single servers encrypt data at rest with a service-managed
#   AES-256 key. `infrastructure_encryption_enabled = true` adds a second, independent layer at the
#   storage infrastructure with a different key and algorithm, so that data stays protected if one layer
#   or one key is ever compromised; some compliance regimes require two layers. It can only be chosen
#   when the server is created (changing it replaces the server), which is why it is worth deciding in
#   code. Severity is low: the data is already encrypted once; the finding asks whether it needs the
#   second layer. Flexible servers have no such argument and are not judged.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/single-server/concepts-infrastructure-double-encryption
#   - ref: https://learn.microsoft.com/en-us/azure/mysql/single-server/concepts-infrastructure-double-encryption
# custom:
#   id: AZURE-DATABASE-006
#   name: database-no-infrastructure-encryption
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `infrastructure_encryption_enabled = true` on the azurerm_postgresql_server (or
#     azurerm_mysql_server); the server is recreated, so plan a migration for an existing one.
package preflight.azure.database.no_infrastructure_encryption

import data.preflight.lib

deny contains lib.result(s, "infrastructure_encryption_enabled", msg) if {
	some s in input.azure.database.servers
	s.infrastructure_encryption_enabled == false
	msg := sprintf("Database server `%s` has no infrastructure double encryption", [s.label])
}
