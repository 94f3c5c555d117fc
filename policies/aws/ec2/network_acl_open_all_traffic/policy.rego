# METADATA
# title: Network ACL admits all traffic from the internet
# description: |
#   A network ACL whose first matching inbound rule for the whole internet (0.0.0.0/0 or ::/0) allows
#   every protocol, or every TCP or UDP port, filters nothing at the subnet: every port is left to the
#   security groups alone, and a group that is too open is then the only barrier. Rules are applied
#   lowest number first, so a lower-numbered deny of all traffic from the internet neutralizes the allow.
#   This is the state of a VPC's default network ACL, which is why the severity is low: the security
#   groups still filter, and the finding asks for a second layer rather than reporting an exposure.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: AWS-EC2-006
#   name: network-acl-open-all-traffic
#   severity: low
#   category: public-access
#   recommended_action: |
#     Replace the rule with rules (`ingress` blocks of aws_network_acl, or aws_network_acl_rule) for the
#     ports the subnet serves (for example TCP 443), plus TCP 1024-65535 for the return traffic of
#     outbound connections.
#   recommended_action_cloudformation: |
#     Replace the `AWS::EC2::NetworkAclEntry` with entries (`Protocol: 6`, `PortRange`) for the ports the
#     subnet serves, plus TCP 1024-65535 for the return traffic of outbound connections.
#   frameworks:
#     - AWS Foundational Security Best Practices EC2.21
package preflight.aws.ec2.network_acl_open_all_traffic

import data.preflight.lib
import data.preflight.lib.aws.ec2

what_is_open(rule) := "all traffic" if rule.protocol == "-1"

what_is_open(rule) := sprintf("every %s port", [upper(rule.protocol)]) if rule.protocol != "-1"

deny contains lib.result(acl, sprintf("ingress[%d].%s", [i, field]), msg) if {
	some acl in input.aws.ec2.network_acls
	not ec2.acl_ingress_unknown(acl)
	some i, rule in acl.ingress
	rule.action == "allow"
	ec2.acl_all_traffic(acl, i)
	field := ec2.acl_world_field(rule)
	msg := sprintf(
		"Network ACL `%s` allows %s from the whole internet (%s) in rule %d",
		[acl.label, what_is_open(rule), rule[field], rule.rule_number],
	)
}
