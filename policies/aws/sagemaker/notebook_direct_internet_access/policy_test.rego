package preflight.aws.sagemaker.notebook_direct_internet_access_test

import data.preflight.aws.sagemaker.notebook_direct_internet_access as p

nb(extra) := object.union({"id": "aws_sagemaker_notebook_instance.research", "label": "research", "unknown": []}, extra)

deny_for(n) := results if {
	results := p.deny with input as {"aws": {"sagemaker": {"notebook_instances": [n]}}}
}

test_enabled_denied if {
	results := deny_for(nb({"direct_internet_access": "Enabled"}))
	count(results) == 1
	some r in results
	r.path == "direct_internet_access"
	r.message == "SageMaker notebook instance `research` has direct internet access, outside the controls of a VPC"
}

test_disabled_allowed if count(deny_for(nb({"direct_internet_access": "Disabled"}))) == 0

test_unknown_silent if count(deny_for(nb({"unknown": ["direct_internet_access"]}))) == 0
