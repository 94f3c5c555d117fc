package preflight.aws.apigateway.public_rest_api_policy_test

import data.preflight.aws.apigateway.public_rest_api_policy as p

invoke := {
	"effect": "Allow",
	"actions": ["execute-api:Invoke"],
	"not_actions": [],
	"resources": ["execute-api:/*"],
	"principals": [{"type": "*", "value": "*"}],
	"conditions": [],
}

everything := object.union(invoke, {"actions": ["execute-api:*"]})

deny_vpce_outside := {
	"effect": "Deny",
	"actions": ["execute-api:Invoke"],
	"not_actions": [],
	"resources": ["execute-api:/*"],
	"principals": [{"type": "*", "value": "*"}],
	"conditions": [{"operator": "StringNotEquals", "key": "aws:sourcevpce", "values": ["vpce-0123456789abcdef0"]}],
}

api(private, stmts, unknown) := {"id": "aws_api_gateway_rest_api.a", "label": "a", "private": private, "unknown": unknown, "policy": {"statements": stmts}}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"apigateway": {"rest_apis": [x]}}}
}

test_private_open_invoke_denied if {
	results := deny_for(api(true, [invoke], []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "Private REST API `a` has a policy that lets anyone invoke it through any VPC endpoint, in any account"
}

test_public_open_invoke_allowed if {
	count(deny_for(api(false, [invoke], []))) == 0
}

test_public_open_everything_denied if {
	results := deny_for(api(false, [everything], []))
	count(results) == 1
	some r in results
	r.message == "REST API `a` has a policy that lets anyone invoke it, flush its cache and manage its connections"
}

test_private_open_everything_once if {
	count(deny_for(api(true, [everything], []))) == 1
}

test_vpce_condition_allowed if {
	c := {"operator": "StringEquals", "key": "aws:sourcevpce", "values": ["vpce-0123456789abcdef0"]}
	count(deny_for(api(true, [object.union(invoke, {"conditions": [c]})], []))) == 0
}

test_deny_outside_vpce_allowed if {
	count(deny_for(api(true, [invoke, deny_vpce_outside], []))) == 0
}

test_blocklist_deny_still_open if {
	block := object.union(deny_vpce_outside, {"conditions": [{"operator": "IpAddress", "key": "aws:sourceip", "values": ["198.51.100.7/32"]}]})
	count(deny_for(api(true, [invoke, block], []))) == 1
}

test_source_ip_any_still_open if {
	c := {"operator": "IpAddress", "key": "aws:sourceip", "values": ["0.0.0.0/0"]}
	count(deny_for(api(true, [object.union(invoke, {"conditions": [c]})], []))) == 1
}

test_account_principal_allowed if {
	s := object.union(everything, {"principals": [{"type": "AWS", "value": "arn:aws:iam::444455556666:root"}]})
	count(deny_for(api(true, [s], []))) == 0
}

test_unknown_condition_silent if {
	c := {"operator": "StringEquals", "key": "aws:sourcevpce", "values": []}
	s := object.union(invoke, {"conditions": [c]})
	count(deny_for(api(true, [s], ["policy.statements[0].conditions[0].values"]))) == 0
}

test_unknown_deny_conditions_silent if {
	d := object.union(deny_vpce_outside, {"conditions": []})
	count(deny_for(api(true, [invoke, d], ["policy.statements[1].conditions"]))) == 0
}

test_unknown_endpoint_type_invoke_silent if {
	x := {"id": "aws_api_gateway_rest_api.a", "label": "a", "unknown": ["private"], "policy": {"statements": [invoke]}}
	count(deny_for(x)) == 0
}

test_deny_for_one_principal_still_open if {
	d := object.union(deny_vpce_outside, {"principals": [{"type": "AWS", "value": "arn:aws:iam::444455556666:role/x"}]})
	count(deny_for(api(true, [invoke, d], []))) == 1
}
