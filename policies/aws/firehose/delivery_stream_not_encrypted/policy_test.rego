package preflight.aws.firehose.delivery_stream_not_encrypted_test

import data.preflight.aws.firehose.delivery_stream_not_encrypted as p

stream(extra) := object.union({"id": "aws_kinesis_firehose_delivery_stream.events", "label": "events", "unknown": []}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"aws": {"firehose": {"delivery_streams": [s]}}}
}

test_direct_put_unencrypted_denied if {
	results := deny_for(stream({"source": "DirectPut", "encrypted": false, "key_type": "NONE"}))
	count(results) == 1
	some r in results
	r.path == "encrypted"
	r.message == "Firehose delivery stream `events` does not encrypt the records it holds: server-side encryption is off"
}

test_encrypted_allowed if {
	count(deny_for(stream({"source": "DirectPut", "encrypted": true, "key_type": "AWS_OWNED"}))) == 0
}

# Server-side encryption does not apply when a Kinesis stream feeds the delivery stream.
test_kinesis_source_allowed if {
	count(deny_for(stream({"source": "KinesisStreamAsSource", "encrypted": false, "key_type": "NONE"}))) == 0
}

test_unknown_source_silent if count(deny_for(stream({"encrypted": false, "unknown": ["source"]}))) == 0

test_unknown_encryption_silent if count(deny_for(stream({"source": "DirectPut", "unknown": ["encrypted", "key_type"]}))) == 0
