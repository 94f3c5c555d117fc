package preflight.aws.cloudwatch.log_group_no_customer_key_test

import data.preflight.aws.cloudwatch.log_group_no_customer_key as p

group(extra) := object.union({"id": "aws_cloudwatch_log_group.api", "label": "api", "unknown": []}, extra)

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"cloudwatch": {"log_groups": [g]}}}
}

test_service_key_denied if {
	results := deny_for(group({"key_type": "AWS_OWNED"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
	r.message == "CloudWatch log group `api` is encrypted with keys CloudWatch Logs owns, not a customer managed key"
}

test_customer_key_allowed if {
	count(deny_for(group({"key_type": "CUSTOMER_MANAGED", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0
}

test_unknown_silent if count(deny_for(group({"unknown": ["key_type", "kms_key_id"]}))) == 0
