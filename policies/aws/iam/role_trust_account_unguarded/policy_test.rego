package preflight.aws.iam.role_trust_account_unguarded_test

import data.preflight.aws.iam.role_trust_account_unguarded as p

trust(principal, conditions) := {"effect": "Allow", "actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "value": principal}], "conditions": conditions}

role(stmts, unknown) := {"id": "aws_iam_role.v", "label": "v", "unknown": unknown, "trust_policy": {"statements": stmts}}

deny_for(r) := results if {
	in_ := {"aws": {"iam": {"roles": [r]}}}
	results := p.deny with input as in_
}

test_root_arn_denied if {
	results := deny_for(role([trust("arn:aws:iam::444455556666:root", [])], []))
	count(results) == 1
	some r in results
	r.path == "trust_policy.statements[0]"
	r.message == "IAM role `v` can be assumed from account `444455556666` without an external ID or MFA"
}

test_bare_account_denied if count(deny_for(role([trust("444455556666", [])], []))) == 1

test_external_id_allowed if {
	c := {"operator": "StringEquals", "key": "sts:externalid", "values": ["x"]}
	count(deny_for(role([trust("444455556666", [c])], []))) == 0
}

test_mfa_allowed if {
	c := {"operator": "Bool", "key": "aws:multifactorauthpresent", "values": ["true"]}
	count(deny_for(role([trust("444455556666", [c])], []))) == 0
}

test_mfa_false_denied if {
	c := {"operator": "Bool", "key": "aws:multifactorauthpresent", "values": ["false"]}
	count(deny_for(role([trust("444455556666", [c])], []))) == 1
}

test_negated_external_id_denied if {
	c := {"operator": "StringNotEquals", "key": "sts:externalid", "values": ["x"]}
	count(deny_for(role([trust("444455556666", [c])], []))) == 1
}

test_named_role_allowed if count(deny_for(role([trust("arn:aws:iam::444455556666:role/ci", [])], []))) == 0

test_service_allowed if {
	s := {"effect": "Allow", "actions": ["sts:AssumeRole"], "principals": [{"type": "Service", "value": "ec2.amazonaws.com"}], "conditions": []}
	count(deny_for(role([s], []))) == 0
}

test_unknown_external_id_silent if {
	c := {"operator": "StringEquals", "key": "sts:externalid", "values": []}
	count(deny_for(role([trust("444455556666", [c])], ["trust_policy.statements[0].conditions[0]"]))) == 0
}
