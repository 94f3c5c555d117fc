# METADATA
# title: IAM role trusts another account without an external ID or MFA
# description: |
#   A trust policy that names a whole account (`123456789012` or `arn:aws:iam::123456789012:root`) lets
#   every identity that account's administrators allow assume the role, and when the account is a
#   vendor's, any of the vendor's customers can ask the vendor to act on this role (the confused
#   deputy). An `sts:ExternalId` condition (a value agreed with that one partner) or a required MFA
#   closes both; naming a role ARN, `aws:PrincipalArn` or an organization condition narrows it too.
#   Medium: the grant goes to a known account, but access is decided outside this account. The
#   account's own ID cannot be told from another's unless it is written literally; a reference such as
#   `data.aws_caller_identity.current.account_id` is unknown and stays silent.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for_user_externalid.html
# custom:
#   id: AWS-IAM-007
#   name: iam-role-trust-account-unguarded
#   severity: medium
#   category: sharing
#   recommended_action: |
#     In `assume_role_policy`, add a `Condition` with `StringEquals` on `sts:ExternalId` (the value the
#     partner gave you) or `Bool` `aws:MultiFactorAuthPresent = "true"` for people, or name the partner's
#     role ARN instead of its account root.
#   recommended_action_cloudformation: |
#     In `AssumeRolePolicyDocument`, add a `Condition` with `StringEquals` on `sts:ExternalId` or `Bool`
#     `aws:MultiFactorAuthPresent: "true"`, or name the partner's role ARN instead of the account root.
package preflight.aws.iam.role_trust_account_unguarded

import data.preflight.lib
import data.preflight.lib.aws.iam

deny contains lib.result(role, path, msg) if {
	some role in input.aws.iam.roles
	some i, stmt in role.trust_policy.statements
	path := sprintf("trust_policy.statements[%d]", [i])
	iam.is_allow(stmt)
	accounts := sort({a |
		some p in stmt.principals
		iam.account_root(p)
		a := iam.principal_account(p)
	})
	count(accounts) > 0
	not iam.has_trust_narrowing_condition(stmt)
	not iam.trust_may_be_narrowed(role, path, stmt)
	msg := sprintf(
		"IAM role `%s` can be assumed from %s %s without an external ID or MFA",
		[role.label, plural(accounts), lib.code_list(accounts)],
	)
}

plural(accounts) := "account" if count(accounts) == 1

else := "accounts"
