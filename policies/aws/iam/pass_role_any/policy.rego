# METADATA
# title: IAM policy allows passing any role
# description: |
#   `iam:PassRole` lets an identity hand a role to a service (an EC2 instance profile, a Lambda
#   function, a Glue job). Allowed on Resource "*", the identity can launch compute that runs as any
#   role in the account, including administrator roles, and so gains their permissions: a classic
#   privilege escalation. Medium: it takes a second permission (creating the compute) to exploit, which
#   such policies usually also grant. Matched through wildcards (`iam:Pass*`); `iam:*` and `*` are
#   reported by AWS-IAM-003 and AWS-IAM-001 instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
# custom:
#   id: AWS-IAM-006
#   name: iam-pass-role-any
#   severity: medium
#   category: sharing
#   recommended_action: |
#     In the `policy` document, give `iam:PassRole` the ARNs of the roles the identity hands out in
#     `Resource`, and narrow it with an `iam:PassedToService` condition.
#   recommended_action_cloudformation: |
#     In the `PolicyDocument`, give `iam:PassRole` the role ARNs in `Resource` (`!GetAtt Role.Arn`) and
#     an `iam:PassedToService` condition.
package preflight.aws.iam.pass_role_any

import data.preflight.lib
import data.preflight.lib.aws.iam

deny contains lib.result(p, sprintf("document.statements[%d]", [i]), msg) if {
	some p in input.aws.iam.policies
	some i, stmt in p.document.statements
	iam.allows_all_resources(stmt)
	iam.grants(p.document, stmt, "iam:PassRole")
	not iam.full_admin(p.document, stmt)
	not iam.grants_whole_service(p.document, stmt, "iam")
	msg := sprintf("%s allows `iam:PassRole` on every role (%s)", [iam.identity_policy_name(p), iam.describe_actions(stmt)])
}
