package preflight.aws.rds.cluster_no_customer_key_test

import data.preflight.aws.rds.cluster_no_customer_key as p

cluster(extra) := object.union({"id": "aws_rds_cluster.orders", "label": "orders", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"rds": {"clusters": [c]}}}
}

test_aws_key_denied if {
	results := deny_for(cluster({"storage_encrypted": true}))
	count(results) == 1
	some r in results
	r.path == "kms_key_id"
	r.message == "RDS cluster `orders` is encrypted with the AWS managed key, not a customer managed key"
}

test_aws_managed_alias_denied if count(deny_for(cluster({"storage_encrypted": true, "kms_key_id": "alias/aws/rds"}))) == 1

test_customer_key_allowed if {
	count(deny_for(cluster({"storage_encrypted": true, "kms_key_id": "aws_kms_key.db.arn"}))) == 0
}

# An unencrypted cluster is AWS-RDS-001's finding, not this one.
test_unencrypted_not_reported_here if count(deny_for(cluster({"storage_encrypted": false}))) == 0

test_unknown_key_silent if count(deny_for(cluster({"storage_encrypted": true, "unknown": ["kms_key_id"]}))) == 0

test_unknown_encryption_silent if count(deny_for(cluster({"unknown": ["storage_encrypted"]}))) == 0

# Instances are not judged by this rule.
test_instance_not_judged if {
	results := p.deny with input as {"aws": {"rds": {"instances": [cluster({"storage_encrypted": true})]}}}
	count(results) == 0
}
