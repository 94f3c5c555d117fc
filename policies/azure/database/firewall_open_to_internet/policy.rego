# METADATA
# title: Database server firewall admits the whole internet
# description: |
#   A server-level firewall rule from 0.0.0.0 to 255.255.255.255 (or any range wider than a /8) lets
#   every address on the internet open connections to the Azure SQL, PostgreSQL or MySQL server, where
#   only a password stands between internet-wide guessing and the data; engine vulnerabilities are
#   exposed as well. The rule 0.0.0.0-0.0.0.0, which Azure reads as "allow Azure services", is reported
#   separately by AZURE-DATABASE-004. High: the database endpoint is open to anyone.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure
# custom:
#   id: AZURE-DATABASE-001
#   name: database-firewall-open-to-internet
#   severity: high
#   category: public-access
#   recommended_action: |
#     Delete the rule (azurerm_mssql_firewall_rule, azurerm_postgresql_firewall_rule,
#     azurerm_mysql_firewall_rule or the flexible servers' `*_flexible_server_firewall_rule`) or narrow
#     `start_ip_address` / `end_ip_address` to the client addresses that need access; better, reach the
#     server through a private endpoint or virtual network integration.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 4.1.2
package preflight.azure.database.firewall_open_to_internet

import data.preflight.lib

deny contains lib.result(f, "start_ip_address", msg) if {
	some f in input.azure.database.firewall_rules
	f.address_count > 16777216
	msg := sprintf(
		"Firewall rule `%s` admits %s to the %s server (%s-%s)",
		[f.label, what(f), engines[f.engine], f.start_ip_address, f.end_ip_address],
	)
}

what(f) := "the whole internet" if f.address_count == 4294967296

what(f) := sprintf("%d addresses", [f.address_count]) if f.address_count < 4294967296

engines := {
	"mssql": "Azure SQL",
	"postgresql": "PostgreSQL",
	"mysql": "MySQL",
	"postgresql_flexible": "PostgreSQL flexible",
	"mysql_flexible": "MySQL flexible",
}
