package acme.sagemaker.notebook_direct_internet_test

import data.acme.sagemaker.notebook_direct_internet as policy

notebook(type, attributes, unknown) := {"resources": [{
	"id": "n", "type": type, "name": "n", "address": "n", "file": "main.tf",
	"format": "terraform", "attributes": attributes, "unknown": unknown,
}]}

test_enabled_denied if {
	count(policy.deny) == 1 with input as notebook("aws_sagemaker_notebook_instance", {"direct_internet_access": "Enabled"}, [])
	count(policy.deny) == 1 with input as notebook("AWS::SageMaker::NotebookInstance", {"DirectInternetAccess": "Enabled"}, [])
}

test_disabled_allowed if {
	count(policy.deny) == 0 with input as notebook("aws_sagemaker_notebook_instance", {"direct_internet_access": "Disabled"}, [])
	count(policy.deny) == 0 with input as notebook("AWS::SageMaker::NotebookInstance", {"DirectInternetAccess": "Disabled"}, [])
}

# Left out: both formats default to `Enabled`.
test_left_out_denied if {
	count(policy.deny) == 1 with input as notebook("aws_sagemaker_notebook_instance", {"instance_type": "ml.t3.medium"}, [])
	count(policy.deny) == 1 with input as notebook("AWS::SageMaker::NotebookInstance", {}, [])
}

test_unknown_silent if {
	count(policy.deny) == 0 with input as notebook("aws_sagemaker_notebook_instance", {}, ["direct_internet_access"])
}

test_other_types_ignored if {
	count(policy.deny) == 0 with input as notebook("aws_sagemaker_domain", {"direct_internet_access": "Enabled"}, [])
}
