# METADATA
# title: Network security group opens database, cache or broker ports to the internet
# description: |
#   Data services listen on well-known ports that scanners sweep the internet for: the same list as
#   AWS-EC2-003 (SQL Server 1433, Oracle 1521, NFS 2049, MySQL 3306, PostgreSQL 5432, Redis 6379,
#   Elasticsearch 9200/9300, Kafka 9092, MongoDB 27017-27019, Memcached 11211 and the others named in
#   docs/rules.md for that rule). An inbound Allow rule from `*`, `Internet`, `Any` or `0.0.0.0/0` to one
#   of them leaves the data one default password, missing authentication or unpatched server away from
#   being read, held for ransom or wiped. A Deny rule of the same group (inline, or an
#   azurerm_network_security_rule joined to it) with a lower priority number that covers the same port
#   from the internet is taken into account. High: the data itself is reachable by anyone. Rules that open
#   every port are reported by AZURE-NETWORK-003.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
# custom:
#   id: AZURE-NETWORK-002
#   name: nsg-open-data-ports
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove the rule, or replace the whole-internet source (`*`, `Internet`, `0.0.0.0/0`) in
#     `source_address_prefix` / `source_address_prefixes` with the addresses that need access, or an
#     application security group (`source_application_security_group_ids`). Reach data services through Azure Bastion,
#     a VPN gateway or a private endpoint instead of the internet.
package preflight.azure.network.nsg_open_data_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2
import data.preflight.lib.azure.network

deny contains lib.result(t[0], concat("", [t[1], source[0]]), msg) if {
	# Inline rules are read from each group's `g.security_rule`, separate ones from `s.rule`.
	some t in network.tuples(input.azure.network.security_groups, input.azure.network.security_rules)
	network.inbound_allow(t[2])
	some source in network.world_fields(t[2])
	not network.all_ports(t[2])
	exposed := network.exposed(t, ec2.data_ports)
	count(exposed) > 0
	msg := sprintf("%s allows %s from the whole internet (%s)", [t[3], ec2.shortened(exposed, 4), source[1]])
}
