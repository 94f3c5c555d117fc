package preflight.aws.iam.role_trust_oidc_unscoped_test

import data.preflight.aws.iam.role_trust_oidc_unscoped as p

gh := "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"

trust(provider, conditions) := {"effect": "Allow", "actions": ["sts:AssumeRoleWithWebIdentity"], "principals": [{"type": "Federated", "value": provider}], "conditions": conditions}

cond(op, key, values) := {"operator": op, "key": key, "values": values}

role(stmts, unknown) := {"id": "aws_iam_role.d", "label": "d", "unknown": unknown, "trust_policy": {"statements": stmts}}

deny_for(r) := results if {
	in_ := {"aws": {"iam": {"roles": [r]}}}
	results := p.deny with input as in_
}

aud := cond("StringEquals", "token.actions.githubusercontent.com:aud", ["sts.amazonaws.com"])

sub(v) := cond("StringLike", "token.actions.githubusercontent.com:sub", [v])

test_github_audience_only_denied if {
	count(deny_for(role([trust(gh, [aud, sub("repo:acme/*")])], []))) == 1
	results := deny_for(role([trust(gh, [aud])], []))
	count(results) == 1
	some r in results
	r.message == "IAM role `d` can be assumed with any token from `token.actions.githubusercontent.com`: no condition pins the token's subject"
}

# [subject, pinned]
subject_cases := [
	["repo:acme/infra:ref:refs/heads/main", true],
	["repo:acme/infra:*", true],
	["repo:acme/*", false],
	["repo:*", false],
	["*", false],
	["repo:acme/infra-?:*", false],
]

test_github_subjects if {
	every c in subject_cases {
		(count(deny_for(role([trust(gh, [aud, sub(c[0])])], []))) == 0) == c[1]
	}
}

test_negated_subject_denied if {
	count(deny_for(role([trust(gh, [cond("StringNotLike", "token.actions.githubusercontent.com:sub", ["repo:evil/*"])])], []))) == 1
}

test_cognito_audience_allowed if {
	c := cond("StringEquals", "cognito-identity.amazonaws.com:aud", ["us-east-1:pool"])
	count(deny_for(role([trust("cognito-identity.amazonaws.com", [c])], []))) == 0
	count(deny_for(role([trust("cognito-identity.amazonaws.com", [])], []))) == 1
}

test_saml_allowed if count(deny_for(role([trust("arn:aws:iam::111122223333:saml-provider/okta", [])], []))) == 0

test_unknown_subject_silent if {
	count(deny_for(role([trust(gh, [cond("StringLike", "token.actions.githubusercontent.com:sub", [])])], ["trust_policy.statements[0].conditions[0]"]))) == 0
}
