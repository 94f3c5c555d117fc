package preflight.aws.eventbridge.public_bus_policy_test

import data.preflight.aws.eventbridge.public_bus_policy as p

open_put := {
	"effect": "Allow",
	"actions": ["events:PutEvents"],
	"not_actions": [],
	"resources": ["*"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

bus(stmts, unknown) := {"id": "aws_cloudwatch_event_bus.orders", "label": "orders", "unknown": unknown, "policy": {"statements": stmts}}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"eventbridge": {"buses": [x]}}}
}

test_open_put_denied if {
	results := deny_for(bus([open_put], []))
	count(results) == 1
	some r in results
	r.message == "EventBridge event bus `orders` has a policy that lets anyone put events"
}

test_org_condition_allowed if {
	c := {"operator": "StringEquals", "key": "aws:principalorgid", "values": ["o-a1b2c3d4e5"]}
	count(deny_for(bus([object.union(open_put, {"conditions": [c]})], []))) == 0
}

test_account_allowed if {
	s := object.union(open_put, {"principals": [{"type": "AWS", "value": "444455556666"}]})
	count(deny_for(bus([s], []))) == 0
}

test_unknown_condition_silent if {
	count(deny_for(bus([open_put], ["policy.statements[0].conditions"]))) == 0
}
