# METADATA
# title: IAM role trusts an OIDC identity provider without pinning the subject
# description: |
#   A role trusted through a web identity provider (`sts:AssumeRoleWithWebIdentity`) is assumed by
#   whoever presents a token from that provider. GitHub Actions, Google, Cognito, an EKS cluster's issuer
#   issue tokens to many callers: without a condition on the token's subject (`:sub`), any repository on
#   GitHub, any Google account or any pod can assume the role. For GitHub Actions
#   (`token.actions.githubusercontent.com`) the `:aud` value is always `sts.amazonaws.com`, so only a
#   `:sub` condition narrows it; a subject such as `repo:org/*` is flagged as well, since it admits every
#   repository, branch and pull request workflow of the organization. Other providers need a `:sub` or
#   `:aud` condition. High: the role's credentials are one public workflow away. SAML providers are
#   not judged here (the identity provider decides who signs in).
# related_resources:
#   - ref: https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
# custom:
#   id: AWS-IAM-008
#   name: iam-role-trust-oidc-unscoped
#   severity: high
#   category: sharing
#   recommended_action: |
#     In `assume_role_policy`, add a `Condition` `StringEquals` (or `StringLike`) on
#     `token.actions.githubusercontent.com:sub` naming the repository and branch or environment, e.g.
#     `repo:my-org/my-repo:ref:refs/heads/main`; for other providers, on `<provider>:sub` or `:aud`.
#   recommended_action_cloudformation: |
#     In `AssumeRolePolicyDocument`, add a `Condition` `StringEquals` (or `StringLike`) on
#     `token.actions.githubusercontent.com:sub` naming the repository and branch, e.g.
#     `repo:my-org/my-repo:ref:refs/heads/main`; for other providers, on `<provider>:sub` or `:aud`.
package preflight.aws.iam.role_trust_oidc_unscoped

import data.preflight.lib
import data.preflight.lib.aws.iam

github := "token.actions.githubusercontent.com"

# The provider host a Federated principal names: the end of an `oidc-provider/` ARN, or the host itself.
provider(p) := lower(host) if {
	p.type == "Federated"
	contains(p.value, ":oidc-provider/")
	host := split(p.value, ":oidc-provider/")[1]
} else := lower(p.value) if {
	p.type == "Federated"
	not contains(p.value, ":saml-provider/")
	not startswith(p.value, "arn:")
}

web_identity(stmt) if {
	some a in stmt.actions
	iam.action_matches(a, "sts:AssumeRoleWithWebIdentity")
}

# A positive condition on `<host>:<claim>` with a value that is not only wildcards.
pins(stmt, host, claim) if {
	some c in stmt.conditions
	c.key == sprintf("%s:%s", [host, claim])
	iam.narrowing_operator(c.operator)
	count(c.values) > 0
	every v in c.values {
		not open_subject(host, claim, v)
	}
}

# A GitHub subject that admits every repository of an owner (or everything).
open_subject(_, _, v) if v == "*"

open_subject(host, "sub", v) if {
	host == github
	not startswith(v, "repo:")
}

open_subject(host, "sub", v) if {
	host == github
	repo := split(trim_prefix(v, "repo:"), ":")[0]
	some w in ["*", "?"]
	contains(repo, w)
}

unscoped(stmt, host) if {
	host == github
	not pins(stmt, host, "sub")
}

unscoped(stmt, host) if {
	host != github
	not pins(stmt, host, "sub")
	not pins(stmt, host, "aud")
	not pins(stmt, host, "amr")
}

deny contains lib.result(role, path, msg) if {
	some role in input.aws.iam.roles
	some i, stmt in role.trust_policy.statements
	path := sprintf("trust_policy.statements[%d]", [i])
	iam.is_allow(stmt)
	web_identity(stmt)
	some p in stmt.principals
	host := provider(p)
	unscoped(stmt, host)
	not iam.trust_may_be_narrowed(role, path, stmt)
	not conditions_unknown(role, path)
	msg := sprintf("IAM role `%s` can be assumed with any token from `%s`: %s", [role.label, host, why(stmt, host)])
}

why(stmt, host) := "its subject condition admits every repository of an owner" if {
	some c in stmt.conditions
	c.key == sprintf("%s:sub", [host])
	iam.narrowing_operator(c.operator)
} else := "no condition pins the token's subject"

conditions_unknown(role, path) if lib.unknown_under(role, concat("", [path, ".conditions"]))
