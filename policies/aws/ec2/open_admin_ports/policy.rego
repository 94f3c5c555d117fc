# METADATA
# title: Security group opens remote administration ports to the internet
# description: |
#   SSH (22), Telnet (23), RDP (3389) and WinRM (5985, 5986) are among the most scanned ports on the
#   internet. A security group rule that admits them from 0.0.0.0/0 or ::/0 exposes the instance's login
#   service to constant password guessing, stolen key reuse and exploits of the server itself; one weak
#   credential or unpatched daemon gives an attacker a shell. Administrative access should come from known
#   networks or go through a broker. Severity is high because a reachable login service is one credential
#   away from full control of the host. Rules that open every port are reported by AWS-EC2-002 (or
#   AWS-EC2-004) instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
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

deny contains lib.result(sg, sprintf("ingress[%d].%s", [i, field]), msg) if {
	some sg in input.aws.ec2.security_groups
	some i, rule in sg.ingress

	# Open to the whole internet first: that rules most rules out before their ports are named.
	some field in ec2.world_open_fields(rule)
	# Every-port rules belong to AWS-EC2-002 and AWS-EC2-004; one rule is reported once.
	not ec2.all_ports(rule)
	exposed := ec2.exposed(rule, ec2.admin_ports)
	count(exposed) > 0
	msg := sprintf(
		"Security group `%s` allows %s from the whole internet (%s)",
		[sg.label, ec2.shortened(exposed, 5), ec2.world_cidrs[field]],
	)
}
