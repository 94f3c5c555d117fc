package preflight.aws.cloudwatch.public_log_resource_policy_test

import data.preflight.aws.cloudwatch.public_log_resource_policy as p

open_write := {
	"effect": "Allow",
	"actions": ["logs:CreateLogStream", "logs:PutLogEvents"],
	"not_actions": [],
	"resources": ["arn:aws:logs:eu-west-1:111122223333:log-group:/aws/route53/*"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

policy(stmts, unknown) := {"id": "aws_cloudwatch_log_resource_policy.dns", "label": "dns", "unknown": unknown, "policy": {"statements": stmts}}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"cloudwatch": {"log_resource_policies": [x]}}}
}

test_open_write_denied if {
	results := deny_for(policy([open_write], []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "CloudWatch Logs resource policy `dns` lets anyone write log events"
}

test_wildcard_actions_described if {
	s := object.union(open_write, {"actions": ["logs:*"]})
	some r in deny_for(policy([s], []))
	r.message == "CloudWatch Logs resource policy `dns` lets anyone write log events, read log events and change log groups"
}

test_service_principal_allowed if {
	s := object.union(open_write, {"principals": [{"type": "Service", "value": "route53.amazonaws.com"}]})
	count(deny_for(policy([s], []))) == 0
}

test_source_account_allowed if {
	c := {"operator": "StringEquals", "key": "aws:sourceaccount", "values": ["111122223333"]}
	count(deny_for(policy([object.union(open_write, {"conditions": [c]})], []))) == 0
}

test_deny_statement_ignored if {
	s := object.union(open_write, {"effect": "Deny"})
	count(deny_for(policy([s], []))) == 0
}

test_unknown_principal_silent if {
	s := object.union(open_write, {"principals": []})
	count(deny_for(policy([s], ["policy.statements[0].principals"]))) == 0
}

test_unknown_condition_silent if {
	c := {"operator": "StringEquals", "key": "aws:sourcearn", "values": []}
	s := object.union(open_write, {"conditions": [c]})
	count(deny_for(policy([s], ["policy.statements[0].conditions[0].values"]))) == 0
}
