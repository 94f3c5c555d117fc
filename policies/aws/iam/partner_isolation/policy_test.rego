package preflight.aws.iam.partner_isolation_test

import data.preflight.aws.iam.partner_isolation as p

trust(account) := {"statements": [{"effect": "Allow", "actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "value": sprintf("arn:aws:iam::%s:role/x", [account])}], "conditions": []}]}

role(name, trust_policy) := {"id": sprintf("aws_iam_role.%s", [name]), "label": name, "unknown": [], "trust_policy": trust_policy}

reads(name, resource) := {"id": sprintf("aws_iam_role_policy.%s", [name]), "label": name, "kind": "role_inline", "unknown": [], "roles": [sprintf("aws_iam_role.%s", [name])], "document": {"statements": [{"effect": "Allow", "actions": ["s3:GetObject"], "resources": [resource], "conditions": []}]}}

deny_for(aws) := results if {
	in_ := {"aws": aws}
	results := p.deny with input as in_
}

test_covering_prefix_denied if {
	results := deny_for({"iam": {"roles": [role("a", trust("444455556666")), role("b", trust("777788889999"))], "policies": [reads("a", "arn:aws:s3:::x/*"), reads("b", "arn:aws:s3:::x/b/*")]}})
	count(results) == 1
	some r in results
	r.id == "aws_iam_role_policy.a"
	r.message == "Inline role policy `a` lets role `a` (trusted by `444455556666`) read `arn:aws:s3:::x/*`, which also holds what role `b` (trusted by `777788889999`) can read: partners can read each other's data"
}

test_same_resource_both_denied if {
	count(deny_for({"iam": {"roles": [role("a", trust("444455556666")), role("b", trust("777788889999"))], "policies": [reads("a", "arn:aws:s3:::x/in/*"), reads("b", "arn:aws:s3:::x/in/*")]}})) == 2
}

test_distinct_prefixes_allowed if {
	count(deny_for({"iam": {"roles": [role("a", trust("444455556666")), role("b", trust("777788889999"))], "policies": [reads("a", "arn:aws:s3:::x/a/*"), reads("b", "arn:aws:s3:::x/b/*")]}})) == 0
}

test_policy_variable_allowed if {
	count(deny_for({"iam": {"roles": [role("a", trust("444455556666")), role("b", trust("777788889999"))], "policies": [reads("a", "arn:aws:s3:::x/${aws:PrincipalTag/partner}/*"), reads("b", "arn:aws:s3:::x/${aws:PrincipalTag/partner}/*")]}})) == 0
}

test_role_without_external_trust_ignored if {
	svc := {"statements": [{"effect": "Allow", "actions": ["sts:AssumeRole"], "principals": [{"type": "Service", "value": "lambda.amazonaws.com"}], "conditions": []}]}
	count(deny_for({"iam": {"roles": [role("a", svc), role("b", trust("777788889999"))], "policies": [reads("a", "arn:aws:s3:::x/*"), reads("b", "arn:aws:s3:::x/b/*")]}})) == 0
}

test_resource_policy_two_accounts_denied if {
	q := {"id": "q", "label": "q", "unknown": [], "policy": {"statements": [{"effect": "Allow", "actions": ["sqs:ReceiveMessage"], "resources": ["arn:aws:sqs:us-east-1:111122223333:q"], "principals": [{"type": "AWS", "value": "444455556666"}, {"type": "AWS", "value": "777788889999"}], "conditions": []}]}}
	results := deny_for({"sqs": {"queues": [q]}})
	some r in results
	r.message == "SQS queue `q` lets account `444455556666`, account `777788889999` read the same `arn:aws:sqs:us-east-1:111122223333:q`: partners can read each other's data"
}

test_organization_and_account_denied if {
	org := {"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::x/*"], "principals": [{"type": "AWS", "value": "*"}], "conditions": [{"operator": "StringEquals", "key": "aws:principalorgid", "values": ["o-partners"]}]}
	acct := {"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::x/*"], "principals": [{"type": "AWS", "value": "444455556666"}], "conditions": []}
	b := {"id": "b", "label": "b", "unknown": [], "policy": {"statements": [org, acct]}}
	count(deny_for({"s3": {"buckets": [b]}})) == 2
}

test_role_trusted_by_two_accounts_denied if {
	t := {"statements": [{"effect": "Allow", "actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "value": "444455556666"}, {"type": "AWS", "value": "777788889999"}], "conditions": []}]}
	results := deny_for({"iam": {"roles": [role("a", t)], "policies": [reads("a", "arn:aws:s3:::x/a/*")]}})
	some r in results
	r.path == "trust_policy"
}
