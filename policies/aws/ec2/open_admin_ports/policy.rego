# METADATA
# title: Security group opens SSH or RDP to the internet
# description: |
#   SSH (22) and RDP (3389) are the most scanned ports on the internet. A security group rule that admits
#   them from 0.0.0.0/0 or ::/0 exposes the instance's login service to constant password guessing, stolen
#   key reuse and exploits of the SSH or RDP server itself; one weak credential or unpatched daemon gives an
#   attacker a shell. Administrative access should come from known networks or go through a broker.
#   Rules that open every port are reported by AWS-EC2-002 instead.
# custom:
#   id: AWS-EC2-001
#   name: security-group-open-admin-ports
#   severity: high
#   category: public-access
#   recommended_action: |
#     Narrow `cidr_blocks` / `ipv6_cidr_blocks` (or `cidr_ipv4` / `cidr_ipv6` on an
#     aws_vpc_security_group_ingress_rule) to the office, VPN or bastion ranges that need administrative
#     access, or reference the bastion's security group with `source_security_group_id` /
#     `referenced_security_group_id`. Better still, drop the rule and reach instances through AWS Systems
#     Manager Session Manager or EC2 Instance Connect Endpoint.
#   recommended_action_cloudformation: |
#     Narrow `CidrIp` / `CidrIpv6` of the rule (in `SecurityGroupIngress` or an
#     `AWS::EC2::SecurityGroupIngress`) to the office, VPN or bastion ranges, or use
#     `SourceSecurityGroupId` for the bastion's group. Better, drop the rule and use Session Manager
#     or EC2 Instance Connect Endpoint.
#   frameworks:
#     - CIS AWS Foundations 5.2, 5.3
#     - AWS Foundational Security Best Practices EC2.13, EC2.14
package preflight.aws.ec2.open_admin_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2

admin_ports := {22: "SSH", 3389: "RDP"}

deny contains lib.result(sg, sprintf("ingress[%d].%s", [i, field]), msg) if {
	some sg in input.aws.ec2.security_groups
	some i, rule in sg.ingress
	rule.protocol in {"tcp", "-1"}

	# Every-port rules belong to AWS-EC2-002; one rule is reported once.
	not ec2.all_ports(rule)
	exposed := [sprintf("%s (port %d)", [name, port]) |
		some port, name in admin_ports
		ec2.covers_port(rule, port)
	]
	count(exposed) > 0
	some field in ec2.world_open_fields(rule)
	msg := sprintf(
		"Security group `%s` allows %s from the whole internet (%s)",
		[sg.label, concat(" and ", exposed), ec2.world_cidrs[field]],
	)
}
