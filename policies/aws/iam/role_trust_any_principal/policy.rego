# METADATA
# title: IAM role can be assumed by anyone
# description: |
#   A role's trust policy decides who may call sts:AssumeRole (or its SAML and web identity variants) to
#   obtain the role's credentials. A statement that trusts Principal "*" or {"AWS": "*"} without a
#   condition pinning the caller to an account, organization or principal ARN lets any identity in any AWS
#   account take on the role, and with it every permission attached to it. Only the role's ARN needs to be
#   known or guessed.
# custom:
#   id: AWS-IAM-002
#   name: iam-role-trust-any-principal
#   severity: critical
#   category: sharing
#   recommended_action: |
#     In `assume_role_policy`, name the trusted principals explicitly (an account root ARN, a role ARN or a
#     service such as `ec2.amazonaws.com`). If a wildcard principal is really needed, add a condition that
#     narrows it, for example `StringEquals` on `aws:PrincipalOrgID` or `aws:PrincipalAccount`. An
#     `sts:ExternalId` condition alone is a shared secret, not a restriction on who can call.
#   recommended_action_cloudformation: |
#     In `AssumeRolePolicyDocument`, name the trusted principals (account root ARNs, role ARNs, or a
#     service such as `ec2.amazonaws.com`); if a wildcard principal is needed, add a `Condition` such
#     as `StringEquals` on `aws:PrincipalOrgID` or `aws:PrincipalAccount`.
#   frameworks: []
package preflight.aws.iam.role_trust_any_principal

import data.preflight.lib
import data.preflight.lib.aws.iam

deny contains lib.result(role, path, msg) if {
	some role in input.aws.iam.roles
	some i, stmt in role.trust_policy.statements
	path := sprintf("trust_policy.statements[%d]", [i])
	iam.open_to_anyone(role, path, stmt)
	msg := sprintf(
		"IAM role `%s` trusts any principal in any AWS account to perform %s",
		[role.label, iam.describe_actions(stmt)],
	)
}
