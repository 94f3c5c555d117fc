# Table-driven tests of the policy-semantics library: every form of Action, Resource, Principal and
# Condition it reads.
package preflight.lib.aws.iam_test

import data.preflight.lib.aws.iam

allow(extra) := object.union(
	{"effect": "Allow", "actions": [], "not_actions": [], "resources": ["*"], "not_resources": [], "principals": [], "not_principals": [], "conditions": []},
	extra,
)

doc(stmts) := {"statements": stmts}

# [pattern, action, matches]
action_cases := [
	["*", "s3:GetObject", true],
	["s3:*", "s3:GetObject", true],
	["S3:getobject", "s3:GetObject", true],
	["s3:Get*", "s3:GetObject", true],
	["s3:Get*", "s3:PutObject", false],
	["*Object", "s3:GetObject", true],
	["s3:*Object", "s3:ListBucket", false],
	["s3:GetObjec?", "s3:GetObject", true],
	["s3:GetObjec?", "s3:GetObjects", false],
	["iam:*", "s3:GetObject", false],
	["s3.GetObject", "s3:GetObject", false],
]

action_matches_or_false(p, a) := true if iam.action_matches(p, a)

else := false

test_action_patterns_negative if {
	every c in action_cases {
		action_matches_or_false(c[0], c[1]) == c[2]
	}
}

test_not_action_covers_the_rest if {
	s := allow({"not_actions": ["iam:*"]})
	iam.covers_action(s, "s3:GetObject")
	not iam.covers_action(s, "iam:CreateUser")
}

test_not_action_admin if {
	iam.allows_all_actions(allow({"not_actions": ["aws-portal:*"]}))
	not iam.allows_all_actions(allow({"not_actions": ["iam:*", "organizations:*"]}))
}

test_star_forms_admin if {
	iam.allows_all_actions(allow({"actions": ["*"]}))
	iam.allows_all_actions(allow({"actions": ["*:*"]}))
	not iam.allows_all_actions(allow({"actions": ["s3:*"]}))
	not iam.allows_all_actions(object.union(allow({"actions": ["*"]}), {"effect": "Deny"}))
}

test_resources if {
	iam.allows_all_resources(allow({}))
	iam.allows_all_resources(allow({"resources": [], "not_resources": ["arn:aws:s3:::logs/*"]}))
	not iam.allows_all_resources(allow({"resources": ["arn:aws:s3:::data/*"]}))
}

test_deny_cancels_allow if {
	s := allow({"actions": ["s3:*"]})
	d := {"effect": "Deny", "actions": ["s3:GetObject"], "resources": ["*"], "conditions": []}
	not iam.grants(doc([s, d]), s, "s3:GetObject")
	iam.grants(doc([s, d]), s, "s3:PutObject")
	iam.grants(doc([s]), s, "s3:GetObject")
}

test_conditional_deny_does_not_cancel if {
	s := allow({"actions": ["s3:*"]})
	d := {"effect": "Deny", "actions": ["s3:*"], "resources": ["*"], "conditions": [{"operator": "Bool", "key": "aws:securetransport", "values": ["false"]}]}
	iam.grants(doc([s, d]), s, "s3:GetObject")
}

test_whole_service if {
	s := allow({"actions": ["s3:*"]})
	iam.grants_whole_service(doc([s]), s, "s3")
	not iam.grants_whole_service(doc([s]), s, "iam")
	g := allow({"actions": ["s3:Get*", "s3:List*"]})
	not iam.grants_whole_service(doc([g]), g, "s3")
	iam.granted(doc([g]), g, "read") == {"s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:ListBucketVersions"}
}

# [principal, public, account or "", account root]
principal_cases := [
	[{"type": "*", "value": "*"}, true, "", false],
	[{"type": "AWS", "value": "*"}, true, "", false],
	[{"type": "AWS", "value": "111122223333"}, false, "111122223333", true],
	[{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}, false, "111122223333", true],
	[{"type": "AWS", "value": "arn:aws-us-gov:iam::111122223333:root"}, false, "111122223333", true],
	[{"type": "AWS", "value": "arn:aws:iam::111122223333:role/partner"}, false, "111122223333", false],
	[{"type": "AWS", "value": "arn:aws:iam::111122223333:user/jane"}, false, "111122223333", false],
	[{"type": "AWS", "value": "arn:aws:sts::111122223333:assumed-role/r/s"}, false, "111122223333", false],
	[{"type": "Service", "value": "lambda.amazonaws.com"}, false, "", false],
	[{"type": "Federated", "value": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, false, "", false],
	[{"type": "CanonicalUser", "value": "79a59df900b949e55d96a1e698fbaced"}, false, "", false],
]

is_public(p) := true if iam.public_principal(p)

else := false

account_or_empty(p) := a if {
	a := iam.principal_account(p)
} else := ""

is_root(p) := true if iam.account_root(p)

else := false

test_principal_forms if {
	every c in principal_cases {
		is_public(c[0]) == c[1]
		account_or_empty(c[0]) == c[2]
		is_root(c[0]) == c[3]
	}
}

test_not_principal_allow_is_anyone if {
	iam.allows_anyone(allow({"not_principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]}))
}

cond(op, key, values) := {"operator": op, "key": key, "values": values}

# [condition, narrows a public grant, narrows a trust]
condition_cases := [
	[cond("StringEquals", "aws:sourcearn", ["arn:aws:sns:us-east-1:111122223333:t"]), true, true],
	[cond("ArnLike", "aws:sourcearn", ["arn:aws:s3:::b"]), true, true],
	[cond("StringEquals", "aws:sourceaccount", ["111122223333"]), true, true],
	[cond("StringEquals", "aws:principalorgid", ["o-abc"]), true, true],
	[cond("StringEquals", "aws:sourcevpc", ["vpc-1"]), true, true],
	[cond("StringEquals", "aws:sourcevpce", ["vpce-1"]), true, true],
	[cond("IpAddress", "aws:sourceip", ["203.0.113.0/24"]), true, true],
	[cond("IpAddress", "aws:sourceip", ["0.0.0.0/0"]), false, false],
	[cond("IpAddress", "aws:sourceip", ["::/0"]), false, false],
	[cond("ArnEquals", "aws:principalarn", ["arn:aws:iam::111122223333:role/x"]), true, true],
	[cond("StringEquals", "sts:externalid", ["secret"]), false, true],
	[cond("Bool", "aws:multifactorauthpresent", ["true"]), false, true],
	[cond("Bool", "aws:multifactorauthpresent", ["false"]), false, false],
	[cond("StringNotEquals", "aws:sourceaccount", ["111122223333"]), false, false],
	[cond("NotIpAddress", "aws:sourceip", ["203.0.113.0/24"]), false, false],
	[cond("StringEqualsIfExists", "aws:sourcevpce", ["vpce-1"]), false, false],
	[cond("Null", "aws:sourcevpce", ["false"]), false, false],
	[cond("StringLike", "aws:principalarn", ["*"]), false, false],
	[cond("Bool", "aws:securetransport", ["true"]), false, false],
]

narrows(c) := true if iam.narrowing_condition(c)

else := false

narrows_trust(c) := true if iam.trust_narrowing_condition(c)

else := false

test_conditions if {
	every c in condition_cases {
		narrows(c[0]) == c[1]
		narrows_trust(c[0]) == c[2]
	}
}

# [statement, verdict, accounts]
who_cases := [
	[allow({"principals": [{"type": "*", "value": "*"}], "actions": ["s3:GetObject"]}), "everyone", []],
	[allow({"principals": [{"type": "AWS", "value": "*"}], "actions": ["sqs:SendMessage"], "conditions": [cond("StringEquals", "aws:principaltype", ["User"])]}), "any AWS account", []],
	[allow({"principals": [{"type": "AWS", "value": "*"}], "actions": ["sts:AssumeRole"]}), "any AWS account", []],
	[allow({"principals": [{"type": "AWS", "value": "arn:aws:iam::222233334444:root"}, {"type": "AWS", "value": "111122223333"}], "actions": ["s3:GetObject"]}), "cross-account", ["111122223333", "222233334444"]],
	[allow({"principals": [{"type": "*", "value": "*"}], "actions": ["s3:GetObject"], "conditions": [cond("StringEquals", "aws:principalorgid", ["o-1"])]}), "this account", []],
	[allow({"principals": [{"type": "Service", "value": "logs.amazonaws.com"}], "actions": ["s3:PutObject"]}), "this account", []],
]

test_who if {
	every c in who_cases {
		v := iam.who(c[0])
		v.verdict == c[1]
		v.accounts == c[2]
	}
}

test_describe_who if {
	iam.describe_who(who_cases[0][0]) == "anyone"
	iam.describe_who(who_cases[2][0]) == "any AWS account"
	iam.describe_who(who_cases[3][0]) == "accounts `111122223333`, `222233334444`"
	iam.describe_who(allow({"principals": [{"type": "AWS", "value": "111122223333"}]})) == "account `111122223333`"
}

test_open_to_anyone_unknown_condition_silent if {
	s := allow({"principals": [{"type": "*", "value": "*"}], "conditions": [cond("StringEquals", "aws:sourcearn", [])]})
	e := {"unknown": ["policy.statements[0].conditions[0]"]}
	not iam.open_to_anyone(e, "policy.statements[0]", s)
	iam.open_to_anyone({"unknown": []}, "policy.statements[0]", allow({"principals": [{"type": "*", "value": "*"}]}))
}

test_per_principal_variables if {
	iam.per_principal("arn:aws:s3:::exchange/${aws:PrincipalTag/partner}/*")
	iam.per_principal("arn:aws:s3:::exchange/home/${aws:username}/*")
	iam.per_principal("arn:aws:s3:::exchange/&{aws:userid}/*")
	iam.per_principal("arn:aws:s3:::exchange/${saml:sub}/*")
	not iam.per_principal("arn:aws:s3:::exchange/*")
}

test_describe_actions if {
	iam.describe_actions(allow({"actions": ["*"]})) == "every action"
	iam.describe_actions(allow({"actions": ["s3:GetObject"]})) == "`s3:GetObject`"
	iam.describe_actions(allow({"not_actions": ["iam:*"]})) == "every action except `iam:*`"
}

# The service pre-filter: a statement touches the services its Action patterns name (case aside,
# wildcards in the service part included), every service with `*` or a NotAction.
test_may_touch_by_service_part if {
	iam.may_touch(allow({"actions": ["s3:GetObject"]}), "s3")
	not iam.may_touch(allow({"actions": ["s3:GetObject"]}), "kms")
	iam.may_touch(allow({"actions": ["*"]}), "kms")
	iam.may_touch(allow({"actions": ["S3:*"]}), "s3")
	iam.may_touch(allow({"actions": ["s*:Get*"]}), "sqs")
	not iam.may_touch(allow({"actions": ["s*:Get*"]}), "kms")
	iam.may_touch(allow({"not_actions": ["iam:*"]}), "kms")
}

# Nouns follow the model's collection paths (`input.aws.<service>.<collection>`).
test_resource_nouns_follow_model_paths if {
	iam.resource_noun("cloudwatch", "log_destinations") == "CloudWatch Logs destination"
	iam.resource_noun("eventbridge", "buses") == "Event bus"
	iam.resource_noun("apigateway", "rest_apis") == "REST API"
	iam.resource_noun("ses", "identity_policies") == "SES identity policy"
	iam.resource_noun("nothing", "here") == "Resource"
}
