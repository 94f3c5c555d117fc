# METADATA
# title: IAM policy grants every action on every resource
# description: |
#   A statement that allows Action "*" on Resource "*" (or a NotAction that leaves out only a few
#   services, which amounts to the same) is full administrator access: whoever holds the
#   policy can read any data, change any resource, create new users and keys, and remove logging and other
#   guardrails. A leaked credential or a compromised workload with this policy becomes a takeover of the
#   whole account, and the permission makes it impossible to reason about what the identity actually needs.
# custom:
#   id: AWS-IAM-001
#   name: iam-wildcard-admin
#   severity: high
#   category: sharing
#   recommended_action: |
#     In the `policy` document, replace `"Action": "*"` with the specific actions the identity uses and
#     `"Resource": "*"` with the ARNs it works on; IAM Access Analyzer can generate a policy from CloudTrail
#     activity. Keep full administrator access to a few break-glass roles using the AWS managed
#     AdministratorAccess policy, protected by MFA.
#   recommended_action_cloudformation: |
#     In the `PolicyDocument`, replace `Action: "*"` with the actions the identity uses and `Resource:
#     "*"` with the ARNs it works on. Keep full administrator access to a few break-glass roles with
#     the AWS managed `AdministratorAccess` policy, protected by MFA.
#   frameworks:
#     - CIS AWS Foundations 1.16
#     - AWS Foundational Security Best Practices IAM.1
package preflight.aws.iam.wildcard_admin

import data.preflight.lib
import data.preflight.lib.aws.iam

deny contains lib.result(p, sprintf("document.statements[%d]", [i]), msg) if {
	some p in input.aws.iam.policies
	some i, stmt in p.document.statements
	iam.full_admin(p.document, stmt)
	msg := sprintf("%s allows %s on every resource", [iam.identity_policy_name(p), iam.describe_actions(stmt)])
}
