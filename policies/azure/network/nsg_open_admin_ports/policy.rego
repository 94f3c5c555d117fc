# METADATA
# title: Network security group opens SSH, RDP or other remote administration to the internet
# description: |
#   An inbound Allow rule whose source is `*`, `Internet`, `Any` or `0.0.0.0/0` and whose destination
#   ports include SSH 22, Telnet 23, RDP 3389 or WinRM 5985/5986 puts the machines behind the group in
#   reach of the password guessing and exploit scans that sweep Azure's address ranges all day. One weak
#   password or unpatched service is then a foothold inside the virtual network. A Deny rule of the same
#   group (inline, or an azurerm_network_security_rule joined to it by `network_security_group_name`
#   and `resource_group_name`) with a lower priority number that covers the same port from the
#   internet is taken into account, as Azure evaluates rules lowest number first. High:
#   the machines are directly attackable from anywhere. Rules that open every port are reported by
#   AZURE-NETWORK-003.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
# custom:
#   id: AZURE-NETWORK-001
#   name: nsg-open-admin-ports
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove the rule, or replace the whole-internet source (`*`, `Internet`, `0.0.0.0/0`) in
#     `source_address_prefix` / `source_address_prefixes` with the addresses that need access, or an
#     application security group (`source_application_security_group_ids`). Reach administration ports through Azure Bastion,
#     a VPN gateway or a private endpoint instead of the internet.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 6.1
#     - CIS Microsoft Azure Foundations Benchmark 6.2
package preflight.azure.network.nsg_open_admin_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2
import data.preflight.lib.azure.network

deny contains lib.result(t[0], concat("", [t[1], source[0]]), msg) if {
	# Inline rules are read from each group's `g.security_rule`, separate ones from `s.rule`.
	some t in network.tuples(input.azure.network.security_groups, input.azure.network.security_rules)
	network.inbound_allow(t[2])
	some source in network.world_fields(t[2])

	# Every-port rules belong to AZURE-NETWORK-003; one rule is reported once.
	not network.all_ports(t[2])
	exposed := network.exposed(t, ec2.admin_ports)
	count(exposed) > 0
	msg := sprintf("%s allows %s from the whole internet (%s)", [t[3], ec2.shortened(exposed, 5), source[1]])
}
