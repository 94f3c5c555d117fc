package preflight.aws.sagemaker.notebook_no_customer_key_test

import data.preflight.aws.sagemaker.notebook_no_customer_key as p

nb(extra) := object.union({"id": "aws_sagemaker_notebook_instance.research", "label": "research", "unknown": []}, extra)

deny_for(n) := results if {
	results := p.deny with input as {"aws": {"sagemaker": {"notebook_instances": [n]}}}
}

test_no_key_denied if {
	results := deny_for(nb({}))
	count(results) == 1
	some r in results
	r.path == "kms_key_id"
	r.message == "SageMaker notebook instance `research` has its storage volume encrypted with an AWS managed key, not a customer managed key"
}

test_key_allowed if count(deny_for(nb({"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0

test_unknown_silent if count(deny_for(nb({"unknown": ["kms_key_id"]}))) == 0
