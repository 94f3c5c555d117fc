package preflight.aws.redshift.no_customer_key_test

import data.preflight.aws.redshift.no_customer_key as p

cluster(extra) := object.union({"id": "aws_redshift_cluster.warehouse", "label": "warehouse", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"redshift": {"clusters": [c]}}}
}

test_aws_key_denied if {
	results := deny_for(cluster({"encrypted": true}))
	count(results) == 1
	some r in results
	r.path == "kms_key_id"
	r.message == "Redshift cluster `warehouse` is encrypted with an AWS key, not a customer managed key"
}

test_customer_key_allowed if count(deny_for(cluster({"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0

# Not encrypted at all is AWS-REDSHIFT-002's finding, not this one.
test_unencrypted_not_reported_here if count(deny_for(cluster({"encrypted": false}))) == 0

test_unknown_key_silent if count(deny_for(cluster({"encrypted": true, "unknown": ["kms_key_id"]}))) == 0

test_unknown_encryption_silent if count(deny_for(cluster({"unknown": ["encrypted"]}))) == 0
