package preflight.aws.kinesis.stream_not_encrypted_test

import data.preflight.aws.kinesis.stream_not_encrypted as p

stream(extra) := object.union({"id": "aws_kinesis_stream.clicks", "label": "clicks", "unknown": []}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"aws": {"kinesis": {"streams": [s]}}}
}

test_unencrypted_denied if {
	results := deny_for(stream({"encrypted": false, "key_type": "NONE"}))
	count(results) == 1
	some r in results
	r.path == "encrypted"
	r.message == "Kinesis stream `clicks` is not encrypted at rest"
}

test_kms_allowed if {
	count(deny_for(stream({"encrypted": true, "key_type": "CUSTOMER_MANAGED", "kms_key_id": "alias/clicks"}))) == 0
}

test_aws_managed_key_allowed if {
	count(deny_for(stream({"encrypted": true, "key_type": "AWS_MANAGED", "kms_key_id": "alias/aws/kinesis"}))) == 0
}

test_unknown_silent if count(deny_for(stream({"unknown": ["encrypted", "key_type"]}))) == 0
