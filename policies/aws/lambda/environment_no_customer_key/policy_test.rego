package preflight.aws.lambda.environment_no_customer_key_test

import data.preflight.aws.lambda.environment_no_customer_key as p

fn(extra) := object.union({"id": "aws_lambda_function.api", "label": "api", "unknown": []}, extra)

deny_for(f) := results if {
	results := p.deny with input as {"aws": {"lambda": {"functions": [f]}}}
}

test_env_without_key_denied if {
	results := deny_for(fn({"environment_variables": true}))
	count(results) == 1
	some r in results
	r.path == "kms_key_arn"
	r.message == "Lambda function `api` has environment variables encrypted with the AWS managed key aws/lambda, not a customer managed key"
}

test_env_with_key_allowed if {
	count(deny_for(fn({"environment_variables": true, "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0
}

test_no_env_allowed if count(deny_for(fn({"environment_variables": false}))) == 0

test_unknown_key_silent if count(deny_for(fn({"environment_variables": true, "unknown": ["kms_key_arn"]}))) == 0

test_unknown_env_silent if count(deny_for(fn({"unknown": ["environment_variables"]}))) == 0
