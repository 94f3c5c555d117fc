package preflight.aws.sns.topic_not_encrypted_test

import data.preflight.aws.sns.topic_not_encrypted as p

topic(extra) := object.union({"id": "aws_sns_topic.alerts", "label": "alerts", "unknown": [], "name": "alerts"}, extra)

deny_for(t) := results if {
	results := p.deny with input as {"aws": {"sns": {"topics": [t]}}}
}

# Left out: no kms_master_key_id written, so the adapter fills in encrypted = false.
test_no_key_denied if {
	results := deny_for(topic({"encrypted": false}))
	count(results) == 1
	some r in results
	r.id == "aws_sns_topic.alerts"
	r.path == "encrypted"
	r.message == "SNS topic `alerts` is not encrypted at rest"
}

test_empty_key_denied if {
	results := deny_for(topic({"encrypted": true, "kms_master_key_id": ""}))
	count(results) == 1
	some r in results
	r.path == "kms_master_key_id"
}

test_empty_key_and_false_reported_once if {
	results := deny_for(topic({"encrypted": false, "kms_master_key_id": ""}))
	count(results) == 1
	some r in results
	r.path == "encrypted"
}

test_key_allowed if count(deny_for(topic({"encrypted": true, "kms_master_key_id": "alias/aws/sns"}))) == 0

test_unknown_key_silent if count(deny_for(topic({"unknown": ["kms_master_key_id", "encrypted"]}))) == 0

# The adapter may count an unresolved key as written (encrypted = true); still silent.
test_unknown_key_written_silent if count(deny_for(topic({"encrypted": true, "unknown": ["kms_master_key_id"]}))) == 0
