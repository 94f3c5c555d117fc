package preflight.aws.iam.partner_isolation_exposed_test

import data.preflight.aws.iam.partner_isolation as medium
import data.preflight.aws.iam.partner_isolation_exposed as p

two_accounts := {"effect": "Allow", "actions": ["sqs:ReceiveMessage"], "resources": ["arn:aws:sqs:us-east-1:111122223333:q"], "principals": [{"type": "AWS", "value": "444455556666"}, {"type": "AWS", "value": "777788889999"}], "conditions": []}

open_send := {"effect": "Allow", "actions": ["sqs:SendMessage"], "resources": ["*"], "principals": [{"type": "*", "value": "*"}], "conditions": []}

queue(extra, stmts) := object.union({"id": "q", "label": "q", "unknown": [], "policy": {"statements": stmts}}, extra)

high_for(aws) := results if {
	results := p.deny with input as {"aws": aws}
}

medium_for(aws) := results if {
	results := medium.deny with input as {"aws": aws}
}

test_unencrypted_queue_is_high if {
	aws := {"sqs": {"queues": [queue({"encrypted": false}, [two_accounts])]}}
	results := high_for(aws)
	count(results) == 1
	some r in results
	r.message == "SQS queue `q` lets account `444455556666`, account `777788889999` read the same `arn:aws:sqs:us-east-1:111122223333:q`: partners can read each other's data, and `q` is not encrypted"
	count(medium_for(aws)) == 0
}

test_public_queue_is_high if {
	aws := {"sqs": {"queues": [queue({"encrypted": true}, [two_accounts, open_send])]}}
	some r in high_for(aws)
	endswith(r.message, "and `q` is also open to anyone through its policy")
	count(medium_for(aws)) == 0
}

test_encrypted_private_queue_is_medium if {
	aws := {"sqs": {"queues": [queue({"encrypted": true}, [two_accounts])]}}
	count(high_for(aws)) == 0
	count(medium_for(aws)) == 1
}

test_unknown_encryption_stays_medium if {
	aws := {"sqs": {"queues": [queue({"unknown": ["encrypted"]}, [two_accounts])]}}
	count(high_for(aws)) == 0
	count(medium_for(aws)) == 1
}

bucket(block, stmts) := {"id": "b", "label": "exchange", "name": "exchange", "unknown": [], "public_access_block": block, "policy": {"statements": stmts}}

partner_read(account) := {"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::exchange/*"], "principals": [{"type": "AWS", "value": account}], "conditions": []}

open_read := {"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::exchange/public/*"], "principals": [{"type": "*", "value": "*"}], "conditions": []}

test_public_bucket_is_high if {
	aws := {"s3": {"buckets": [bucket({"configured": false}, [partner_read("444455556666"), partner_read("777788889999"), open_read])]}}
	count(high_for(aws)) == 2
	count(medium_for(aws)) == 0
}

test_blocked_bucket_is_medium if {
	block := {"configured": true, "block_public_acls": true, "ignore_public_acls": true, "block_public_policy": true, "restrict_public_buckets": true}
	aws := {"s3": {"buckets": [bucket(block, [partner_read("444455556666"), partner_read("777788889999"), open_read])]}}
	count(high_for(aws)) == 0
	count(medium_for(aws)) == 2
}

trust(account) := {"statements": [{"effect": "Allow", "actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "value": sprintf("arn:aws:iam::%s:root", [account])}], "conditions": []}]}

test_partner_roles_reading_public_bucket_are_high if {
	roles := [
		{"id": "aws_iam_role.a", "label": "a", "unknown": [], "trust_policy": trust("444455556666")},
		{"id": "aws_iam_role.b", "label": "b", "unknown": [], "trust_policy": trust("777788889999")},
	]
	reads := [{"id": sprintf("aws_iam_role_policy.%s", [n]), "label": n, "kind": "role_inline", "unknown": [], "roles": [sprintf("aws_iam_role.%s", [n])], "document": {"statements": [{"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::exchange/*"], "conditions": []}]}} | some n in ["a", "b"]]
	aws := {"iam": {"roles": roles, "policies": reads}, "s3": {"buckets": [bucket({"configured": false}, [open_read])]}}
	results := high_for(aws)
	count(results) == 2
	some r in results
	endswith(r.message, "and `exchange` is also open to anyone through its policy")
}
