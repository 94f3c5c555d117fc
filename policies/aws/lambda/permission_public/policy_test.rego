package preflight.aws.lambda.permission_public_test

import data.preflight.aws.lambda.permission_public as p

perm(extra, unknown) := object.union(
	{
		"id": "aws_lambda_permission.anyone",
		"label": "anyone",
		"unknown": unknown,
		"function": "orders",
		"action": "lambda:InvokeFunction",
		"principal": "*",
	},
	extra,
)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"lambda": {"permissions": [x]}}}
}

test_anyone_invokes_denied if {
	results := deny_for(perm({}, []))
	count(results) == 1
	some r in results
	r.path == "principal"
	r.message == "Lambda permission `anyone` lets anyone invoke function `orders`"
}

test_every_action_message if {
	some r in deny_for(perm({"action": "lambda:*"}, []))
	r.message == "Lambda permission `anyone` lets anyone perform every action on function `orders`"
}

test_source_arn_allowed if {
	count(deny_for(perm({"source_arn": "arn:aws:s3:::uploads"}, []))) == 0
}

test_org_allowed if {
	count(deny_for(perm({"principal_org_id": "o-a1b2c3d4e5"}, []))) == 0
}

test_named_principal_allowed if {
	count(deny_for(perm({"principal": "111122223333"}, []))) == 0
}

test_public_url_left_to_the_url_rule if {
	count(deny_for(perm({"action": "lambda:InvokeFunctionUrl", "function_url_auth_type": "NONE"}, []))) == 0
	count(deny_for(perm({"action": "lambda:InvokeFunctionUrl", "function_url_auth_type": "AWS_IAM"}, []))) == 1
}

test_unknown_principal_silent if {
	count(deny_for(json.remove(perm({}, ["principal"]), ["principal"]))) == 0
}

test_unknown_source_silent if {
	count(deny_for(perm({}, ["source_arn"]))) == 0
}
