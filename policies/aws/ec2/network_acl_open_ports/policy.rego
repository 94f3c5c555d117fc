# METADATA
# title: Network ACL admits administration or data ports from the internet
# description: |
#   A network ACL is the subnet's own firewall, evaluated before any security group: rules are applied
#   lowest number first and the first that matches decides. An inbound allow rule from 0.0.0.0/0 or
#   ::/0 that is the first to match remote administration ports (SSH 22, Telnet 23, RDP 3389, WinRM
#   5985/5986) or data ports (the list of AWS-EC2-003: databases, caches, search engines, message
#   brokers) removes that layer for them, so one security group mistake exposes the service. A
#   lower-numbered deny for the same traffic from the whole internet neutralizes the allow. Rules for
#   the return traffic of outbound connections (TCP or UDP from port 1024 or above up to 65535) are
#   what a stateless ACL needs and are not reported, nor are rules for all traffic (AWS-EC2-006).
#   Severity is medium: the security groups of the subnet's resources still filter the traffic.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: AWS-EC2-005
#   name: network-acl-open-admin-or-data-ports
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Narrow `cidr_block` / `ipv6_cidr_block` of the rule (an `ingress` block of aws_network_acl, or an
#     aws_network_acl_rule) to the networks that need the port, or add a lower-numbered `deny` rule for
#     the port from `0.0.0.0/0` (and `::/0`).
#   recommended_action_cloudformation: |
#     Narrow `CidrBlock` / `Ipv6CidrBlock` of the `AWS::EC2::NetworkAclEntry` to the networks that need
#     the port, or add an entry with a lower `RuleNumber` and `RuleAction: deny` for it.
#   frameworks:
#     - CIS AWS Foundations 5.1
#     - AWS Foundational Security Best Practices EC2.21
package preflight.aws.ec2.network_acl_open_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2

sensitive_ports := object.union(ec2.admin_ports, ec2.data_ports)

# Rule `i` is the first to match traffic from the internet to `port`, over a protocol that carries it.
opens(acl, i, port) if {
	some proto in {"tcp", "udp"}
	ec2.serves({"protocol": proto}, port)
	ec2.acl_decides(acl, i, port, proto)
}

deny contains lib.result(acl, sprintf("ingress[%d].%s", [i, field]), msg) if {
	some acl in input.aws.ec2.network_acls
	not ec2.acl_ingress_unknown(acl)
	some i, rule in acl.ingress
	rule.action == "allow"
	not ec2.all_ports(rule)
	not ec2.acl_ephemeral(rule)
	field := ec2.acl_world_field(rule)
	exposed := [sprintf("%s (port %d)", [name, port]) |
		some port, name in sensitive_ports
		opens(acl, i, port)
	]
	count(exposed) > 0
	msg := sprintf(
		"Network ACL `%s` allows %s from the whole internet (%s) in rule %d",
		[acl.label, ec2.shortened(exposed, 4), rule[field], rule.rule_number],
	)
}
