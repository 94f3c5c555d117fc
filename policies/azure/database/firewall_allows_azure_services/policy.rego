# METADATA
# title: Database server firewall allows all Azure services
# description: |
#   The firewall rule 0.0.0.0-0.0.0.0 is Azure's "allow Azure services and resources to access this
#   server": it admits connections from any address inside Azure's datacenters, including virtual
#   machines, functions and containers of every other Azure customer, not only your own. Anyone can
#   rent such an address and try passwords against the server. Low: the range is limited to Azure and
#   the login still needs credentials.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/network-access-controls-overview
# custom:
#   id: AZURE-DATABASE-004
#   name: database-firewall-allows-azure-services
#   severity: low
#   category: public-access
#   recommended_action: |
#     Delete the 0.0.0.0-0.0.0.0 firewall rule and give the Azure resources that need the database a
#     private endpoint, a virtual network rule (azurerm_mssql_virtual_network_rule) or their outbound
#     addresses as firewall rules.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 4.1.2
package preflight.azure.database.firewall_allows_azure_services

import data.preflight.lib

deny contains lib.result(f, "start_ip_address", msg) if {
	some f in input.azure.database.firewall_rules
	f.start_ip_address == "0.0.0.0"
	f.end_ip_address == "0.0.0.0"
	msg := sprintf("Firewall rule `%s` admits every Azure service, including other customers' resources", [f.label])
}
