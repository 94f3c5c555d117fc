package preflight.aws.sns.topic_no_customer_key_test

import data.preflight.aws.sns.topic_no_customer_key as p

topic(extra) := object.union({"id": "aws_sns_topic.alerts", "label": "alerts", "unknown": []}, extra)

deny_for(t) := results if {
	results := p.deny with input as {"aws": {"sns": {"topics": [t]}}}
}

test_aws_managed_alias_denied if {
	results := deny_for(topic({"encrypted": true, "kms_master_key_id": "alias/aws/sns"}))
	count(results) == 1
	some r in results
	r.path == "kms_master_key_id"
	r.message == "SNS topic `alerts` is encrypted with the AWS managed key aws/sns, not a customer managed key"
}

test_aws_managed_alias_arn_denied if {
	count(deny_for(topic({"encrypted": true, "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/sns"}))) == 1
}

test_customer_key_allowed if {
	count(deny_for(topic({"encrypted": true, "kms_master_key_id": "alias/alerts"}))) == 0
}

# Left out: no key at all is AWS-SNS-001's finding, not this one.
test_no_key_silent if count(deny_for(topic({"encrypted": false}))) == 0

test_unknown_silent if count(deny_for(topic({"unknown": ["kms_master_key_id", "encrypted"]}))) == 0
