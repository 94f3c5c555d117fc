package preflight.aws.sagemaker.endpoint_configuration_no_customer_key_test

import data.preflight.aws.sagemaker.endpoint_configuration_no_customer_key as p

ec(extra) := object.union({"id": "aws_sagemaker_endpoint_configuration.churn", "label": "churn", "unknown": []}, extra)

deny_for(e) := results if {
	results := p.deny with input as {"aws": {"sagemaker": {"endpoint_configurations": [e]}}}
}

test_no_key_denied if {
	results := deny_for(ec({}))
	count(results) == 1
	some r in results
	r.path == "kms_key_arn"
	r.message == "SageMaker endpoint configuration `churn` has no customer managed key: its storage volumes are encrypted with an AWS managed key"
}

test_key_allowed if count(deny_for(ec({"kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0

test_unknown_silent if count(deny_for(ec({"unknown": ["kms_key_arn"]}))) == 0
