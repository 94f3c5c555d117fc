# METADATA
# title: Security group reachable from outside the corporate network
# description: |
#   Acme's services are reached through the corporate network (10.0.0.0/8) or a load balancer; an
#   ingress rule from any other IPv4 range lets hosts outside it connect directly. Medium: the range
#   may still be a partner's, but every such opening needs a reviewed exception.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: ACME-EC2-902
#   name: ingress-outside-corporate-network
#   severity: medium
#   category: public-access
#   recommended_action: Limit the rule's cidr_blocks to ranges inside 10.0.0.0/8.
#   recommended_action_cloudformation: Limit the rule's CidrIp to a range inside 10.0.0.0/8.
package acme.ec2.ingress_outside_corporate_network

import data.preflight.lib

corporate := "10.0.0.0/8"

deny contains lib.result(sg, sprintf("ingress[%d].cidr_blocks", [i]), msg) if {
	some sg in input.aws.ec2.security_groups
	some i, rule in sg.ingress
	some cidr in rule.cidr_blocks
	not net.cidr_contain(corporate, cidr)
	msg := sprintf("Security group `%s` allows ingress from `%s`, outside %s", [sg.label, cidr, corporate])
}
