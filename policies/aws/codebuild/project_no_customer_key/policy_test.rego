package preflight.aws.codebuild.project_no_customer_key_test

import data.preflight.aws.codebuild.project_no_customer_key as p

project(extra) := object.union({"id": "aws_codebuild_project.release", "label": "release", "unknown": []}, extra)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"codebuild": {"projects": [x]}}}
}

test_aws_managed_key_denied if {
	results := deny_for(project({"key_type": "AWS_MANAGED", "encryption_key": "alias/aws/s3"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
	r.message == "CodeBuild project `release` encrypts its build output with the AWS managed key aws/s3, not a customer managed key"
}

# Left out: the adapter fills AWS_MANAGED without a key.
test_default_denied if count(deny_for(project({"key_type": "AWS_MANAGED"}))) == 1

test_customer_key_allowed if {
	count(deny_for(project({"key_type": "CUSTOMER_MANAGED", "encryption_key": "aws_kms_key.builds.arn"}))) == 0
}

test_unknown_silent if count(deny_for(project({"unknown": ["key_type", "encryption_key"]}))) == 0
