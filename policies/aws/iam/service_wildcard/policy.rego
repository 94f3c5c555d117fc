# METADATA
# title: IAM policy grants every action of a sensitive service on every resource
# description: |
#   `iam:*`, `s3:*`, `kms:*` or `secretsmanager:*` on Resource "*" (or `sts:AssumeRole` on "*") is
#   close to administrator access: `iam:*` lets the holder attach any policy to itself, `s3:*` reads,
#   rewrites and re-shares every bucket, `kms:*` decrypts with and schedules the deletion of every key,
#   `secretsmanager:*` reads every secret, and `sts:AssumeRole` on "*" reaches every role that trusts the
#   account. The wildcard is matched, not string-compared: `s3:*Object*` plus `s3:Put*` counts when it
#   covers the service's whole table of sensitive actions, and a Deny in the same policy is honoured.
#   High: one leaked credential becomes control over the service's data or the account's identities.
#   Full `*` on `*` is AWS-IAM-001 and is not repeated here.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: AWS-IAM-003
#   name: iam-service-wildcard
#   severity: high
#   category: sharing
#   recommended_action: |
#     In the `policy` document (or the `statement` blocks of `aws_iam_policy_document`), list the actions
#     the identity needs instead of `service:*`, and name the ARNs it works on in `resources` instead of
#     `"*"`. For `sts:AssumeRole`, name the roles it may assume.
#   recommended_action_cloudformation: |
#     In the `PolicyDocument`, list the needed actions instead of `service:*` and name the ARNs in
#     `Resource` instead of `"*"`; for `sts:AssumeRole`, name the roles.
#   frameworks:
#     - AWS Foundational Security Best Practices IAM.21
package preflight.aws.iam.service_wildcard

import data.preflight.lib
import data.preflight.lib.aws.iam

deny contains lib.result(p, sprintf("document.statements[%d]", [i]), msg) if {
	some p in input.aws.iam.policies
	some i, stmt in p.document.statements
	iam.is_allow(stmt)
	iam.allows_all_resources(stmt)
	not iam.full_admin(p.document, stmt)
	services := sort({svc |
		some svc in iam.sensitive_services
		iam.grants_whole_service(p.document, stmt, svc)
	})
	count(services) > 0
	msg := sprintf(
		"%s allows every %s action on every resource (%s)",
		[iam.identity_policy_name(p), concat(", ", [sprintf("`%s`", [s]) | some s in services]), iam.describe_actions(stmt)],
	)
}
