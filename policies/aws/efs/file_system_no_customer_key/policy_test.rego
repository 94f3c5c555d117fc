package preflight.aws.efs.file_system_no_customer_key_test

import data.preflight.aws.efs.file_system_no_customer_key as p

fs(extra) := object.union({"id": "aws_efs_file_system.shared", "label": "shared", "unknown": []}, extra)

deny_for(f) := results if {
	results := p.deny with input as {"aws": {"efs": {"file_systems": [f]}}}
}

test_aws_managed_key_denied if {
	results := deny_for(fs({"encrypted": true, "key_type": "AWS_MANAGED"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
	r.message == "EFS file system `shared` is encrypted with the AWS managed key aws/elasticfilesystem, not a customer managed key"
}

test_customer_key_allowed if {
	count(deny_for(fs({"encrypted": true, "key_type": "CUSTOMER_MANAGED", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0
}

# Not encrypted at all is AWS-EFS-001, not this rule.
test_unencrypted_not_reported_here if count(deny_for(fs({"encrypted": false, "key_type": "NONE"}))) == 0

test_unknown_silent if count(deny_for(fs({"encrypted": true, "unknown": ["key_type", "kms_key_id"]}))) == 0
