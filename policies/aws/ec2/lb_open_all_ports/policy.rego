# METADATA
# title: Load balancer security group opens every port to the internet
# description: |
#   A security group attached only to load balancers admits traffic to the load balancers alone, and they
#   accept connections on their listener ports only, so a rule that opens every port from 0.0.0.0/0 or
#   ::/0 exposes what the listeners expose. It still leaves the group doing no filtering of its own: a
#   listener added later (a test port, a TCP pass-through on a Network Load Balancer) is public at once,
#   and the same group attached to an instance tomorrow opens every port of it. Severity is medium,
#   lower than AWS-EC2-002, because nothing but the listeners is reachable today.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html
# custom:
#   id: AWS-EC2-004
#   name: load-balancer-security-group-open-all-ports
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Admit only the listener ports (for example `from_port = 443`, `to_port = 443`, `protocol = "tcp"`)
#     in the load balancer's group, from `cidr_blocks` / `ipv6_cidr_blocks` (`cidr_ipv4` / `cidr_ipv6`)
#     that must reach them.
#   recommended_action_cloudformation: |
#     Admit only the listener ports (`IpProtocol: tcp`, `FromPort`/`ToPort` 443) in the load balancer's
#     group, from the `CidrIp` / `CidrIpv6` ranges that must reach them.
#   frameworks:
#     - AWS Foundational Security Best Practices EC2.18, EC2.19
package preflight.aws.ec2.lb_open_all_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2

what_is_open(rule) := "all traffic" if rule.protocol == "-1"

what_is_open(rule) := sprintf("every %s port", [upper(rule.protocol)]) if rule.protocol != "-1"

deny contains lib.result(sg, sprintf("ingress[%d].%s", [i, field]), msg) if {
	some sg in input.aws.ec2.security_groups
	count(sg.attached_to) > 0
	ec2.lb_only(sg)
	some i, rule in sg.ingress
	ec2.all_ports(rule)
	some field in ec2.world_open_fields(rule)
	msg := sprintf(
		"Security group `%s` allows %s from the whole internet (%s); it is attached only to load balancers (%s), which accept traffic on their listener ports alone",
		[sg.label, what_is_open(rule), ec2.world_cidrs[field], lib.code_list(ec2.load_balancers(sg))],
	)
}
