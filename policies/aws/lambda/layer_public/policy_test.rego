package preflight.aws.lambda.layer_public_test

import data.preflight.aws.lambda.layer_public as p

perm(extra, unknown) := object.union(
	{
		"id": "aws_lambda_layer_version_permission.shared",
		"label": "shared",
		"unknown": unknown,
		"layer": "common-libs",
		"action": "lambda:GetLayerVersion",
		"principal": "*",
	},
	extra,
)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"lambda": {"layer_permissions": [x]}}}
}

test_public_layer_denied if {
	results := deny_for(perm({}, []))
	count(results) == 1
	some r in results
	r.message == "Lambda layer permission `shared` shares layer `common-libs` with every AWS account"
}

test_organization_allowed if {
	count(deny_for(perm({"organization_id": "o-a1b2c3d4e5"}, []))) == 0
}

test_account_allowed if {
	count(deny_for(perm({"principal": "111122223333"}, []))) == 0
}

test_unknown_organization_silent if {
	count(deny_for(perm({}, ["organization_id"]))) == 0
}
