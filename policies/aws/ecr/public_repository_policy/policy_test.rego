package preflight.aws.ecr.public_repository_policy_test

import data.preflight.aws.ecr.public_repository_policy as p

repo(stmts, unknown) := {"id": "aws_ecr_repository.api", "label": "api", "unknown": unknown, "policy": {"statements": stmts}}

stmt(extra) := object.union({"effect": "Allow", "principals": [{"type": "AWS", "value": "*"}], "actions": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "conditions": []}, extra)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"ecr": {"repositories": [x]}}}
}

test_anyone_denied if {
	results := deny_for(repo([stmt({})], []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "ECR repository `api` has a policy that lets any AWS account perform `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer`"
}

test_org_condition_allowed if {
	c := {"operator": "StringEquals", "key": "aws:principalorgid", "values": ["o-a1b2c3d4e5"]}
	count(deny_for(repo([stmt({"conditions": [c]})], []))) == 0
}

test_named_account_allowed if {
	count(deny_for(repo([stmt({"principals": [{"type": "AWS", "value": "arn:aws:iam::210987654321:root"}]})], []))) == 0
}

test_no_policy_allowed if count(deny_for({"id": "aws_ecr_repository.api", "label": "api", "unknown": []})) == 0

test_unknown_condition_silent if {
	c := {"operator": "StringEquals", "key": "aws:principalorgid", "values": []}
	count(deny_for(repo([stmt({"conditions": [c]})], ["policy.statements[0].conditions[0]"]))) == 0
}
