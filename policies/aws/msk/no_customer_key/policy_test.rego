package preflight.aws.msk.no_customer_key_test

import data.preflight.aws.msk.no_customer_key as p

cluster(extra) := object.union({"id": "aws_msk_cluster.events", "label": "events", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"msk": {"clusters": [c]}}}
}

test_aws_managed_key_denied if {
	results := deny_for(cluster({"key_type": "AWS_MANAGED"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
	r.message == "MSK cluster `events` is encrypted at rest with the AWS managed key aws/kafka, not a customer managed key"
}

test_customer_key_allowed if {
	count(deny_for(cluster({"key_type": "CUSTOMER_MANAGED", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0
}

test_unknown_silent if count(deny_for(cluster({"unknown": ["key_type"]}))) == 0

# Nothing written about encryption at rest: the adapter fills AWS_MANAGED, located at the header.
test_left_out_denied if count(deny_for(cluster({"key_type": "AWS_MANAGED", "client_broker": "TLS"}))) == 1
