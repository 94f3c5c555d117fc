package preflight.aws.iam.resource_policy_cross_account_test

import data.preflight.aws.iam.resource_policy_cross_account as p

stmt(principals) := {"effect": "Allow", "actions": ["sqs:SendMessage"], "resources": ["*"], "principals": principals, "not_principals": [], "conditions": []}

aws(v) := {"type": "AWS", "value": v}

queue(stmts, unknown) := {"id": "aws_sqs_queue.q", "label": "q", "unknown": unknown, "policy": {"statements": stmts}}

deny_for(aws_model) := results if {
	in_ := {"aws": aws_model}
	results := p.deny with input as in_
}

test_queue_shared_denied if {
	results := deny_for({"sqs": {"queues": [queue([stmt([aws("arn:aws:iam::444455556666:role/r"), aws("777788889999")])], [])]}})
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "SQS queue `q` is shared with accounts `444455556666`, `777788889999` (`sqs:SendMessage`)"
}

test_any_service_collection_walked if {
	e := object.union(queue([stmt([aws("444455556666")])], []), {"id": "x", "label": "x"})
	results := deny_for({"newservice": {"things": [e]}})
	some r in results
	r.message == "Resource `x` is shared with account `444455556666` (`sqs:SendMessage`)"
}

test_service_principal_allowed if count(deny_for({"sqs": {"queues": [queue([stmt([{"type": "Service", "value": "sns.amazonaws.com"}])], [])]}})) == 0

test_public_left_to_public_rules if count(deny_for({"sqs": {"queues": [queue([stmt([aws("*")])], [])]}})) == 0

test_deny_statement_allowed if {
	s := object.union(stmt([aws("444455556666")]), {"effect": "Deny"})
	count(deny_for({"sqs": {"queues": [queue([s], [])]}})) == 0
}

test_unknown_principal_silent if {
	count(deny_for({"sqs": {"queues": [queue([stmt([])], ["policy.statements[0].principals"])]}})) == 0
}
