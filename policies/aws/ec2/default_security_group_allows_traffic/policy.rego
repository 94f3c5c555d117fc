# METADATA
# title: VPC default security group allows traffic
# description: |
#   Every VPC has a default security group, and any instance, database or function launched without a
#   group of its own gets it. When it allows traffic, a resource created by hand, by a script or by a
#   module that forgets its `vpc_security_group_ids` silently receives that access, and members of the
#   group can reach each other on every port. The default group should have no inbound and no outbound
#   rules, so that forgetting a group fails closed. Terraform removes the default group's rules when it
#   adopts it in `aws_default_security_group`, and manages only the rules written there.
#   CloudFormation cannot manage the default group itself; rules it adds to it
#   (`!GetAtt Vpc.DefaultSecurityGroup`) are reported. Severity is medium: the exposure depends on
#   what later lands in the group.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
# custom:
#   id: AWS-EC2-007
#   name: default-security-group-allows-traffic
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Remove every `ingress` and `egress` block from aws_default_security_group (and any
#     aws_security_group_rule / aws_vpc_security_group_ingress_rule that targets it or
#     `aws_vpc.<name>.default_security_group_id`), and give each resource a security group of its own.
#   recommended_action_cloudformation: |
#     Remove the `AWS::EC2::SecurityGroupIngress` / `AWS::EC2::SecurityGroupEgress` whose `GroupId` is the
#     VPC's `DefaultSecurityGroup`, and give each resource a security group of its own.
#   frameworks:
#     - CIS AWS Foundations 5.4
#     - AWS Foundational Security Best Practices EC2.2
package preflight.aws.ec2.default_security_group_allows_traffic

import data.preflight.lib

describe(rule) := "all traffic" if {
	rule.protocol == "-1"
} else := sprintf("%s port %d", [upper(rule.protocol), rule.from_port]) if {
	rule.protocol in {"tcp", "udp"}
	rule.from_port == rule.to_port
} else := sprintf("%s ports %d-%d", [upper(rule.protocol), rule.from_port, rule.to_port]) if {
	rule.protocol in {"tcp", "udp"}
	is_number(rule.from_port)
	is_number(rule.to_port)
} else := upper(rule.protocol) if {
	is_string(rule.protocol)
} else := "traffic"

message(sg, direction, rule) := sprintf(
	"Default security group `%s` has an %s rule (%s); resources launched without a security group of their own get it",
	[sg.label, direction, describe(rule)],
)

deny contains lib.result(sg, sprintf("ingress[%d]", [i]), message(sg, "inbound", rule)) if {
	some sg in input.aws.ec2.security_groups
	sg.vpc_default == true
	some i, rule in sg.ingress
}

deny contains lib.result(sg, sprintf("egress[%d]", [i]), message(sg, "outbound", rule)) if {
	some sg in input.aws.ec2.security_groups
	sg.vpc_default == true
	some i, rule in sg.egress
}
