# METADATA
# title: Database server accepts TLS 1.0 or 1.1
# description: |
#   TLS 1.0 and 1.1 are deprecated (RFC 8996): weak cipher suites, SHA-1 in the handshake, and attacks
#   such as BEAST on the older one. A database server whose minimum TLS version is below 1.2, or whose
#   minimum is turned off, lets a client (or someone who can downgrade a client's connection) carry
#   queries and their results over them. From provider 3 on, azurerm sets TLS 1.2 when the argument is
#   left out; a module that requires provider 2 gets no minimum on a SQL server (Azure's `None`) and
#   `TLSEnforcementDisabled` on a single server, and is reported for leaving it out. Flexible servers
#   take their TLS versions from a server configuration and are not judged here. Medium: exploiting it needs a position on the
#   network path.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#minimum-tls-version
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/single-server/how-to-tls-configurations
# custom:
#   id: AZURE-DATABASE-005
#   name: database-old-tls
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `minimum_tls_version = "1.2"` on an azurerm_mssql_server, or
#     `ssl_minimal_tls_version_enforced = "TLS1_2"` on an azurerm_postgresql_server or
#     azurerm_mysql_server, and update clients that still use older versions.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 4.3.7
package preflight.azure.database.old_tls

import data.preflight.lib

# Written values below TLS 1.2 (SQL's `1.0`/`1.1`, the single servers' `TLS1_0`/`TLS1_1`), by version.
old_versions := {"1.0": "1.0", "1.1": "1.1", "TLS1_0": "1.0", "TLS1_1": "1.1"}

# Values that turn the minimum off, written or provider 2's defaults: every version is accepted.
no_minimum := {"DISABLED", "NONE", "TLSENFORCEMENTDISABLED"}

deny contains lib.result(s, "min_tls_version", msg) if {
	some s in input.azure.database.servers
	version := old_versions[upper(s.min_tls_version)]
	msg := sprintf("%s `%s` accepts TLS %s, below 1.2", [engines[s.engine], s.label, version])
}

deny contains lib.result(s, "min_tls_version", msg) if {
	some s in input.azure.database.servers
	upper(s.min_tls_version) in no_minimum
	msg := sprintf("%s `%s` has no minimum TLS version (`%s`): it accepts TLS 1.0", [engines[s.engine], s.label, s.min_tls_version])
}

engines := {
	"mssql": "Azure SQL server",
	"postgresql": "PostgreSQL server",
	"mysql": "MySQL server",
	"postgresql_flexible": "PostgreSQL flexible server",
	"mysql_flexible": "MySQL flexible server",
}
