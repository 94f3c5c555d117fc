package preflight.aws.ebs.volume_no_customer_key_test

import data.preflight.aws.ebs.volume_no_customer_key as p

volume(extra) := object.union({"id": "aws_ebs_volume.data", "label": "data", "unknown": []}, extra)

deny_for(v) := results if {
	results := p.deny with input as {"aws": {"ebs": {"volumes": [v]}}}
}

test_default_key_denied if {
	results := deny_for(volume({"encrypted": true}))
	count(results) == 1
	some r in results
	r.path == "kms_key_id"
	r.message == "EBS volume `data` is encrypted with the default EBS key, not a customer managed key"
}

test_aws_managed_alias_denied if count(deny_for(volume({"encrypted": true, "kms_key_id": "alias/aws/ebs"}))) == 1

test_customer_key_allowed if {
	count(deny_for(volume({"encrypted": true, "kms_key_id": "aws_kms_key.volumes.arn"}))) == 0
}

# An unencrypted volume is AWS-EBS-001's finding, not this one.
test_unencrypted_not_reported_here if count(deny_for(volume({"encrypted": false}))) == 0

test_unknown_key_silent if count(deny_for(volume({"encrypted": true, "unknown": ["kms_key_id"]}))) == 0

test_unknown_encryption_silent if count(deny_for(volume({"unknown": ["encrypted"]}))) == 0
