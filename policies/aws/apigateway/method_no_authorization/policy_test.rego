package preflight.aws.apigateway.method_no_authorization_test

import data.preflight.aws.apigateway.method_no_authorization as p

method(extra) := object.union(
	{
		"id": "aws_api_gateway_method.get_orders", "label": "get_orders", "unknown": [],
		"http_method": "GET", "authorization_type": "NONE", "api_key_required": false, "private_api": false,
		"restricted_by_policy": false,
	},
	extra,
)

deny_for(m) := results if {
	results := p.deny with input as {"aws": {"apigateway": {"methods": [m]}}}
}

test_open_method_denied if {
	results := deny_for(method({}))
	count(results) == 1
	some r in results
	r.path == "authorization_type"
	r.message == "API Gateway method `get_orders` (GET) can be called by anyone: no authorization and no API key"
}

test_iam_allowed if count(deny_for(method({"authorization_type": "AWS_IAM"}))) == 0

test_api_key_allowed if count(deny_for(method({"api_key_required": true}))) == 0

test_options_allowed if count(deny_for(method({"http_method": "OPTIONS"}))) == 0

test_private_api_allowed if count(deny_for(method({"private_api": true}))) == 0

test_restricting_policy_allowed if count(deny_for(method({"restricted_by_policy": true}))) == 0

test_unknown_authorization_silent if {
	count(deny_for(object.remove(method({"unknown": ["authorization_type"]}), ["authorization_type"]))) == 0
}

test_unknown_api_silent if {
	count(deny_for(object.remove(method({"unknown": ["private_api"]}), ["private_api"]))) == 0
}
