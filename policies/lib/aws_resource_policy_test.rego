package preflight.lib.aws.resource_policy_test

import data.preflight.lib.aws.resource_policy as rp

table := [
	["read messages", ["sqs:ReceiveMessage"]],
	["delete messages", ["sqs:DeleteMessage", "sqs:PurgeQueue"]],
	["send messages", ["sqs:SendMessage"]],
]

stmt(actions) := {"effect": "Allow", "actions": actions, "not_actions": [], "principals": [{"type": "*", "value": "*"}], "conditions": []}

test_wildcards_match_case_insensitively if {
	rp.action_matches("SQS:Receive*", "sqs:ReceiveMessage")
	rp.action_matches("sqs:*", "sqs:PurgeQueue")
	rp.action_matches("*", "sqs:PurgeQueue")
	rp.action_matches("*:*", "sqs:PurgeQueue")
	rp.action_matches("sqs:*Message", "sqs:DeleteMessage")
	not rp.action_matches("sqs:Send*", "sqs:ReceiveMessage")
	not rp.action_matches("sns:*", "sqs:ReceiveMessage")
	not rp.action_matches("sqs:ReceiveMessages", "sqs:ReceiveMessage")
}

test_describe_lists_abilities_in_table_order_once if {
	rp.describe(stmt(["sqs:SendMessage", "sqs:*Message", "sqs:PurgeQueue"]), table) == "read messages, delete messages and send messages"
	rp.describe(stmt(["sqs:DeleteMessage", "sqs:PurgeQueue"]), table) == "delete messages"
	rp.describe(stmt(["sqs:ReceiveMessage", "sqs:DeleteMessage"]), table) == "read messages and delete messages"
}

test_describe_falls_back_to_actions if {
	rp.describe(stmt(["sqs:GetQueueUrl"]), table) == "perform `sqs:GetQueueUrl`"
}

test_not_action_grants_the_rest if {
	s := object.union(stmt([]), {"not_actions": ["sqs:ReceiveMessage", "sqs:Delete*"]})
	rp.describe(s, table) == "delete messages and send messages"
}

# A service's own narrowing key (a made-up one here, so that the shared IAM table does not know it)
# narrows only when the rule names it.
test_open_statements_honour_service_keys if {
	c := {"operator": "StringEquals", "key": "example:callerscope", "values": ["111122223333"]}
	e := {"id": "k", "label": "k", "unknown": [], "policy": {"statements": [object.union(stmt(["kms:*"]), {"conditions": [c]})]}}
	not rp.open_statement(e, 0, e.policy.statements[0], {"example:callerscope"})
	rp.open_statement(e, 0, e.policy.statements[0], set()) == "policy.statements[0]"
}

test_unknown_service_key_condition_is_silent if {
	c := {"operator": "StringEquals", "key": "kms:calleraccount", "values": []}
	e := {"id": "k", "label": "k", "unknown": ["policy.statements[0].conditions[0].values"], "policy": {"statements": [object.union(stmt(["kms:*"]), {"conditions": [c]})]}}
	not rp.open_statement(e, 0, e.policy.statements[0], {"kms:calleraccount"})
}
