package preflight.aws.mq.broker_public_test

import data.preflight.aws.mq.broker_public as p

broker(extra) := object.union({"id": "aws_mq_broker.orders", "label": "orders", "unknown": []}, extra)

deny_for(b) := results if {
	results := p.deny with input as {"aws": {"mq": {"brokers": [b]}}}
}

test_public_denied if {
	results := deny_for(broker({"publicly_accessible": true}))
	count(results) == 1
	some r in results
	r.path == "publicly_accessible"
	r.message == "Amazon MQ broker `orders` has public endpoints: anyone on the internet can connect to it"
}

test_private_allowed if count(deny_for(broker({"publicly_accessible": false}))) == 0

# Left out: the adapter fills the default, `false`.
test_default_private_allowed if count(deny_for(broker({"publicly_accessible": false, "engine_type": "RabbitMQ"}))) == 0

test_unknown_silent if count(deny_for(broker({"unknown": ["publicly_accessible"]}))) == 0
