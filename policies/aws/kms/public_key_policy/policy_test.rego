package preflight.aws.kms.public_key_policy_test

import data.preflight.aws.kms.public_key_policy as p

open_decrypt := {
	"effect": "Allow",
	"actions": ["kms:Decrypt", "kms:DescribeKey"],
	"not_actions": [],
	"resources": ["*"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

key(stmts, unknown) := {
	"id": "aws_kms_key.app",
	"label": "app",
	"unknown": unknown,
	"policy": {"statements": stmts},
}

deny_for(k) := results if {
	results := p.deny with input as {"aws": {"kms": {"keys": [k]}}}
}

test_open_decrypt_denied if {
	results := deny_for(key([open_decrypt], []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "KMS key `app` has a policy that lets anyone decrypt data"
}

test_kms_star_named if {
	s := object.union(open_decrypt, {"actions": ["kms:*"]})
	some r in deny_for(key([s], []))
	r.message == "KMS key `app` has a policy that lets anyone decrypt data, encrypt data, create grants on the key, change the key policy and disable or delete the key"
}

# The shape AWS writes for service-linked use: any principal, but only of this account.
test_caller_account_allowed if {
	c := {"operator": "StringEquals", "key": "kms:calleraccount", "values": ["111122223333"]}
	count(deny_for(key([object.union(open_decrypt, {"conditions": [c]})], []))) == 0
}

test_account_root_allowed if {
	s := object.union(open_decrypt, {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]})
	count(deny_for(key([s], []))) == 0
}

test_no_policy_allowed if {
	count(deny_for(json.remove(key([], []), ["policy"]))) == 0
}

test_unknown_caller_account_silent if {
	c := {"operator": "StringEquals", "key": "kms:calleraccount", "values": []}
	s := object.union(open_decrypt, {"conditions": [c]})
	count(deny_for(key([s], ["policy.statements[0].conditions[0].values"]))) == 0
}

test_unknown_policy_silent if {
	count(deny_for(json.remove(key([], ["policy"]), ["policy"]))) == 0
}
