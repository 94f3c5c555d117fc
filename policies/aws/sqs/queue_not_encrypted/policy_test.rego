package preflight.aws.sqs.queue_not_encrypted_test

import data.preflight.aws.sqs.queue_not_encrypted as p

queue(extra) := object.union({"id": "aws_sqs_queue.orders", "label": "orders", "unknown": []}, extra)

deny_for(q) := results if {
	results := p.deny with input as {"aws": {"sqs": {"queues": [q]}}}
}

test_sse_turned_off_denied if {
	results := deny_for(queue({"encrypted": false, "key_type": "NONE"}))
	count(results) == 1
	some r in results
	r.path == "encrypted"
	r.message == "SQS queue `orders` is not encrypted at rest: SSE-SQS is turned off and no KMS key is set"
}

test_kms_key_allowed if {
	count(deny_for(queue({"encrypted": true, "key_type": "CUSTOMER_MANAGED", "kms_master_key_id": "alias/orders"}))) == 0
}

# Left out: SQS-owned keys (SSE-SQS) apply by default.
test_default_sse_sqs_allowed if count(deny_for(queue({"encrypted": true, "key_type": "AWS_OWNED"}))) == 0

test_unknown_silent if count(deny_for(queue({"unknown": ["encrypted", "key_type"]}))) == 0
