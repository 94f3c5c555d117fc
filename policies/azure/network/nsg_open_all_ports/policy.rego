# METADATA
# title: Network security group opens every port to the internet
# description: |
#   An inbound Allow rule from `*`, `Internet`, `Any` or `0.0.0.0/0` to destination port `*` (or
#   0-65535) over TCP or any protocol exposes every service on the machines behind the group:
#   administration, databases, debug and metrics endpoints, and anything started later. The group no
#   longer filters anything from the internet. A Deny rule of the same group (inline, or an
#   azurerm_network_security_rule joined to it) with a lower priority number that covers every port
#   from the internet is taken into account; one that covers some ports leaves the rest open.
#   Critical: everything listening is reachable from anywhere.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
# custom:
#   id: AZURE-NETWORK-003
#   name: nsg-open-all-ports
#   severity: critical
#   category: public-access
#   recommended_action: |
#     Replace the rule with rules for the ports the workload serves (`destination_port_range` such as
#     `443`), from the sources that need them; reach administration and data ports through Azure Bastion,
#     a VPN gateway or private endpoints.
package preflight.azure.network.nsg_open_all_ports

import data.preflight.lib
import data.preflight.lib.azure.network

deny contains lib.result(t[0], concat("", [t[1], source[0]]), msg) if {
	# Inline rules are read from each group's `g.security_rule`, separate ones from `s.rule`.
	some t in network.tuples(input.azure.network.security_groups, input.azure.network.security_rules)
	network.inbound_allow(t[2])
	some source in network.world_fields(t[2])
	network.all_ports(t[2])
	not network.all_denied_first(t)
	msg := sprintf("%s allows every port from the whole internet (%s)", [t[3], source[1]])
}
