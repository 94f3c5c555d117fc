package preflight.aws.cloudwatch.public_log_destination_policy_test

import data.preflight.aws.cloudwatch.public_log_destination_policy as p

open_subscribe := {
	"effect": "Allow",
	"actions": ["logs:PutSubscriptionFilter"],
	"not_actions": [],
	"resources": ["*"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

dest(stmts, unknown) := {"id": "aws_cloudwatch_log_destination.central", "label": "central", "unknown": unknown, "policy": {"statements": stmts}}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"cloudwatch": {"log_destinations": [x]}}}
}

test_open_subscribe_denied if {
	results := deny_for(dest([open_subscribe], []))
	count(results) == 1
	some r in results
	r.message == "CloudWatch Logs destination `central` has a policy that lets anyone subscribe log groups to it"
}

test_org_condition_allowed if {
	c := {"operator": "StringEquals", "key": "aws:principalorgid", "values": ["o-a1b2c3d4e5"]}
	count(deny_for(dest([object.union(open_subscribe, {"conditions": [c]})], []))) == 0
}

test_no_policy_allowed if {
	count(deny_for(json.remove(dest([], []), ["policy"]))) == 0
}

test_unknown_principal_silent if {
	s := json.remove(open_subscribe, ["principals"])
	count(deny_for(dest([s], ["policy.statements[0].principals"]))) == 0
}
