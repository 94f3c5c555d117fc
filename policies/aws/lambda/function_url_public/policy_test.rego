package preflight.aws.lambda.function_url_public_test

import data.preflight.aws.lambda.function_url_public as p

url(extra) := object.union({"id": "aws_lambda_function_url.webhook", "label": "webhook", "unknown": []}, extra)

deny_for(u) := results if {
	results := p.deny with input as {"aws": {"lambda": {"function_urls": [u]}}}
}

test_no_auth_denied if {
	results := deny_for(url({"authorization_type": "NONE"}))
	count(results) == 1
	some r in results
	r.path == "authorization_type"
	r.message == "Lambda function URL `webhook` lets anyone on the internet invoke the function without authentication"
}

test_iam_auth_allowed if count(deny_for(url({"authorization_type": "AWS_IAM"}))) == 0

# The attribute is required in both formats: a URL without it is not deployable, and says nothing.
test_left_out_silent if count(deny_for(url({}))) == 0

test_unknown_silent if count(deny_for(url({"unknown": ["authorization_type"]}))) == 0
