package preflight.aws.mq.broker_no_customer_key_test

import data.preflight.aws.mq.broker_no_customer_key as p

broker(extra) := object.union({"id": "aws_mq_broker.orders", "label": "orders", "unknown": [], "engine_type": "ActiveMQ"}, extra)

deny_for(b) := results if {
	results := p.deny with input as {"aws": {"mq": {"brokers": [b]}}}
}

test_aws_managed_key_denied if {
	results := deny_for(broker({"key_type": "AWS_MANAGED"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
	r.message == "Amazon MQ broker `orders` encrypts its messages with the AWS managed key aws/mq, not a customer managed key"
}

# Left out: the adapter fills AWS_OWNED.
test_aws_owned_default_denied if {
	results := deny_for(broker({"key_type": "AWS_OWNED"}))
	some r in results
	r.message == "Amazon MQ broker `orders` encrypts its messages with a key AWS owns, not a customer managed key"
}

test_customer_key_allowed if {
	count(deny_for(broker({"key_type": "CUSTOMER_MANAGED", "kms_key_id": "aws_kms_key.mq.arn"}))) == 0
}

# RabbitMQ brokers cannot use a customer managed key.
test_rabbitmq_allowed if count(deny_for(broker({"engine_type": "RabbitMQ", "key_type": "AWS_OWNED"}))) == 0

test_unknown_silent if count(deny_for(broker({"unknown": ["key_type", "kms_key_id"]}))) == 0

test_unknown_engine_silent if {
	count(deny_for(object.remove(broker({"key_type": "AWS_OWNED", "unknown": ["engine_type"]}), ["engine_type"]))) == 0
}
