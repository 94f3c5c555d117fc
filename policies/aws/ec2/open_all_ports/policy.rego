# METADATA
# title: Security group opens every port to the internet
# description: |
#   A rule that admits all protocols, or the whole TCP or UDP port range, from 0.0.0.0/0 or ::/0 exposes
#   every service listening on the attached instances, load balancers or databases: admin consoles, debug
#   endpoints, databases and caches that were never meant to be reachable. The security group then no longer
#   acts as a firewall at all, and any new service started later is public from its first second. Severity
#   is critical because every service on the attached resources is reachable by anyone. A group attached
#   only to load balancers, which accept traffic on their listeners alone, is reported by AWS-EC2-004.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: AWS-EC2-002
#   name: security-group-open-all-ports
#   severity: critical
#   category: public-access
#   recommended_action: |
#     Replace the rule with rules for only the ports the service needs (for example `from_port = 443`,
#     `to_port = 443`, `protocol = "tcp"`), and restrict `cidr_blocks` / `ipv6_cidr_blocks` (or
#     `cidr_ipv4` / `cidr_ipv6`) to the networks that must reach them, or reference another security group
#     instead of an address range.
#   recommended_action_cloudformation: |
#     Replace the rule with ones that name the protocol (`IpProtocol: tcp`) and the ports
#     (`FromPort`/`ToPort`) the service needs, from the address ranges (`CidrIp`) or security groups
#     (`SourceSecurityGroupId`) that need them.
#   frameworks:
#     - CIS AWS Foundations 5.2, 5.3
#     - AWS Foundational Security Best Practices EC2.18, EC2.19
package preflight.aws.ec2.open_all_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2

what_is_open(rule) := "all traffic" if rule.protocol == "-1"

what_is_open(rule) := sprintf("every %s port", [upper(rule.protocol)]) if rule.protocol != "-1"

deny contains lib.result(sg, sprintf("ingress[%d].%s", [i, field]), msg) if {
	some sg in input.aws.ec2.security_groups
	some i, rule in sg.ingress
	ec2.all_ports(rule)
	not ec2.lb_only(sg)
	some field in ec2.world_open_fields(rule)
	msg := sprintf(
		"Security group `%s` allows %s from the whole internet (%s)",
		[sg.label, what_is_open(rule), ec2.world_cidrs[field]],
	)
}
