package preflight.aws.iam.role_trust_any_principal_test

import data.preflight.aws.iam.role_trust_any_principal as p

open_trust := {
	"effect": "Allow",
	"actions": ["sts:AssumeRole"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

role(stmts, unknown) := {
	"id": "aws_iam_role.deployer",
	"label": "deployer",
	"unknown": unknown,
	"name": "deployer",
	"trust_policy": {"statements": stmts},
}

deny_for(r) := results if {
	results := p.deny with input as {"aws": {"iam": {"roles": [r]}}}
}

test_aws_star_denied if {
	results := deny_for(role([open_trust], []))
	count(results) == 1
	some r in results
	r.id == "aws_iam_role.deployer"
	r.path == "trust_policy.statements[0]"
	r.message == "IAM role `deployer` trusts any principal in any AWS account to perform `sts:AssumeRole`"
}

test_star_principal_second_statement_denied if {
	service := object.union(open_trust, {"principals": [{"type": "Service", "value": "ec2.amazonaws.com"}]})
	anyone := object.union(open_trust, {"principals": [{"type": "*", "value": "*"}]})
	results := deny_for(role([service, anyone], []))
	count(results) == 1
	some r in results
	r.path == "trust_policy.statements[1]"
}

# An external ID is a shared secret, not a limit on who may call.
test_external_id_only_denied if {
	c := {"operator": "StringEquals", "key": "sts:externalid", "values": ["7f3a9c"]}
	count(deny_for(role([object.union(open_trust, {"conditions": [c]})], []))) == 1
}

test_org_condition_allowed if {
	c := {"operator": "StringEquals", "key": "aws:principalorgid", "values": ["o-a1b2c3d4e5"]}
	count(deny_for(role([object.union(open_trust, {"conditions": [c]})], []))) == 0
}

test_account_principal_allowed if {
	s := object.union(open_trust, {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]})
	count(deny_for(role([s], []))) == 0
}

test_service_principal_allowed if {
	s := object.union(open_trust, {"principals": [{"type": "Service", "value": "lambda.amazonaws.com"}]})
	count(deny_for(role([s], []))) == 0
}

# Condition left out entirely: nothing narrows the wildcard.
test_no_conditions_key_denied if {
	s := json.remove(open_trust, ["conditions"])
	count(deny_for(role([s], []))) == 1
}

test_unknown_principal_silent if {
	s := json.remove(open_trust, ["principals"])
	count(deny_for(role([s], ["trust_policy.statements[0].principals"]))) == 0
}

test_unknown_condition_silent if {
	c := {"operator": "StringEquals", "key": "aws:principalaccount"}
	s := object.union(open_trust, {"conditions": [c]})
	count(deny_for(role([s], ["trust_policy.statements[0].conditions[0].values"]))) == 0
}

test_unknown_trust_policy_silent if {
	r := json.remove(role([], ["trust_policy"]), ["trust_policy"])
	count(deny_for(r)) == 0
}

test_unknown_value_under_a_key_that_narrows_nothing_denied if {
	stmt := {
		"effect": "Allow",
		"actions": ["sts:AssumeRole"],
		"principals": [{"type": "AWS", "value": "*"}],
		"conditions": [{"operator": "StringEquals", "key": "sts:externalid", "values": []}],
	}
	role := {"id": "r", "label": "r", "unknown": ["trust_policy.statements[0].conditions[0]"], "trust_policy": {"statements": [stmt]}}
	results := p.deny with input as {"aws": {"iam": {"roles": [role]}}}
	count(results) == 1
}

test_unknown_value_under_a_narrowing_key_silent if {
	stmt := {
		"effect": "Allow",
		"actions": ["sts:AssumeRole"],
		"principals": [{"type": "AWS", "value": "*"}],
		"conditions": [{"operator": "StringEquals", "key": "aws:principalorgid", "values": []}],
	}
	role := {"id": "r", "label": "r", "unknown": ["trust_policy.statements[0].conditions[0]"], "trust_policy": {"statements": [stmt]}}
	results := p.deny with input as {"aws": {"iam": {"roles": [role]}}}
	count(results) == 0
}
