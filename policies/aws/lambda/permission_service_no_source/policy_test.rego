package preflight.aws.lambda.permission_service_no_source_test

import data.preflight.aws.lambda.permission_service_no_source as p

perm(extra, unknown) := object.union(
	{
		"id": "aws_lambda_permission.s3",
		"label": "s3",
		"unknown": unknown,
		"function": "thumbnails",
		"action": "lambda:InvokeFunction",
		"principal": "s3.amazonaws.com",
	},
	extra,
)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"lambda": {"permissions": [x]}}}
}

test_service_without_source_denied if {
	results := deny_for(perm({}, []))
	count(results) == 1
	some r in results
	r.path == "principal"
	r.message == "Lambda permission `s3` lets `s3.amazonaws.com` invoke function `thumbnails` for any account: it names no `source_arn` or `source_account`"
}

test_source_arn_allowed if {
	count(deny_for(perm({"source_arn": "aws_s3_bucket.uploads.arn"}, []))) == 0
}

test_source_account_allowed if {
	count(deny_for(perm({"source_account": "111122223333"}, []))) == 0
}

test_account_principal_allowed if {
	count(deny_for(perm({"principal": "111122223333"}, []))) == 0
}

test_unknown_source_silent if {
	count(deny_for(perm({}, ["source_arn"]))) == 0
}

test_unknown_principal_silent if {
	count(deny_for(json.remove(perm({}, ["principal"]), ["principal"]))) == 0
}
