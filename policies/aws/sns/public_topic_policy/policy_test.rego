package preflight.aws.sns.public_topic_policy_test

import data.preflight.aws.sns.public_topic_policy as p

open_publish := {
	"effect": "Allow",
	"actions": ["SNS:Publish"],
	"resources": ["arn:aws:sns:eu-west-1:111122223333:alerts"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

topic(stmts, unknown) := {
	"id": "aws_sns_topic.alerts",
	"label": "alerts",
	"unknown": unknown,
	"name": "alerts",
	"encrypted": true,
	"policy": {"statements": stmts},
}

deny_for(t) := results if {
	results := p.deny with input as {"aws": {"sns": {"topics": [t]}}}
}

test_open_publish_denied if {
	results := deny_for(topic([open_publish], []))
	count(results) == 1
	some r in results
	r.id == "aws_sns_topic.alerts"
	r.path == "policy.statements[0]"
	r.message == "SNS topic `alerts` has a policy that lets anyone perform `SNS:Publish`"
}

test_not_action_message if {
	s := json.remove(object.union(open_publish, {"not_actions": ["SNS:DeleteTopic"]}), ["actions"])
	results := deny_for(topic([s], []))
	some r in results
	r.message == "SNS topic `alerts` has a policy that lets anyone perform every action except `SNS:DeleteTopic`"
}

# The shape of the default topic policy: anyone, but only from the owning account.
test_source_owner_condition_allowed if {
	c := {"operator": "StringEquals", "key": "aws:sourceowner", "values": ["111122223333"]}
	count(deny_for(topic([object.union(open_publish, {"conditions": [c]})], []))) == 0
}

test_source_arn_condition_allowed if {
	c := {"operator": "ArnLike", "key": "aws:sourcearn", "values": ["arn:aws:s3:::acme-uploads"]}
	count(deny_for(topic([object.union(open_publish, {"conditions": [c]})], []))) == 0
}

test_wildcard_condition_value_denied if {
	c := {"operator": "StringLike", "key": "aws:sourceaccount", "values": ["*"]}
	count(deny_for(topic([object.union(open_publish, {"conditions": [c]})], []))) == 1
}

test_service_principal_allowed if {
	s := object.union(open_publish, {"principals": [{"type": "Service", "value": "events.amazonaws.com"}]})
	count(deny_for(topic([s], []))) == 0
}

# Left out: a topic with no policy keeps the default, owner-only policy.
test_no_policy_allowed if {
	t := json.remove(topic([], []), ["policy"])
	count(deny_for(t)) == 0
}

test_unknown_principal_silent if {
	s := json.remove(open_publish, ["principals"])
	count(deny_for(topic([s], ["policy.statements[0].principals"]))) == 0
}

test_unknown_policy_silent if {
	t := json.remove(topic([], ["policy"]), ["policy"])
	count(deny_for(t)) == 0
}
