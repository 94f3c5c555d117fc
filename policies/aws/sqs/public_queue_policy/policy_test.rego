package preflight.aws.sqs.public_queue_policy_test

import data.preflight.aws.sqs.public_queue_policy as p

open_read := {
	"effect": "Allow",
	"actions": ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
	"not_actions": [],
	"resources": ["arn:aws:sqs:eu-west-1:111122223333:orders"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

queue(stmts, unknown) := {
	"id": "aws_sqs_queue.orders",
	"label": "orders",
	"unknown": unknown,
	"name": "orders",
	"policy": {"statements": stmts},
}

deny_for(q) := results if {
	results := p.deny with input as {"aws": {"sqs": {"queues": [q]}}}
}

test_open_read_denied if {
	results := deny_for(queue([open_read], []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "SQS queue `orders` has a policy that lets anyone read messages and delete messages"
}

test_every_action_named if {
	s := object.union(open_read, {"actions": ["sqs:*"]})
	some r in deny_for(queue([s], []))
	r.message == "SQS queue `orders` has a policy that lets anyone read messages, delete messages, send messages, change the queue's permissions and delete the queue"
}

test_source_arn_condition_allowed if {
	c := {"operator": "ArnEquals", "key": "aws:sourcearn", "values": ["arn:aws:sns:eu-west-1:111122223333:orders"]}
	s := object.union(open_read, {"actions": ["sqs:SendMessage"], "conditions": [c]})
	count(deny_for(queue([s], []))) == 0
}

test_named_account_allowed if {
	s := object.union(open_read, {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]})
	count(deny_for(queue([s], []))) == 0
}

test_no_policy_allowed if {
	count(deny_for(json.remove(queue([], []), ["policy"]))) == 0
}

test_unknown_principal_silent if {
	s := json.remove(open_read, ["principals"])
	count(deny_for(queue([s], ["policy.statements[0].principals"]))) == 0
}

test_unknown_policy_silent if {
	count(deny_for(json.remove(queue([], ["policy"]), ["policy"]))) == 0
}
