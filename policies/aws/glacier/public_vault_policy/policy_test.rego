package preflight.aws.glacier.public_vault_policy_test

import data.preflight.aws.glacier.public_vault_policy as p

open_get := {
	"effect": "Allow",
	"actions": ["glacier:InitiateJob", "glacier:GetJobOutput"],
	"not_actions": [],
	"resources": ["*"],
	"principals": [{"type": "*", "value": "*"}],
	"conditions": [],
}

vault(stmts, unknown) := {"id": "aws_glacier_vault.records", "label": "records", "unknown": unknown, "policy": {"statements": stmts}}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"glacier": {"vaults": [x]}}}
}

test_open_retrieval_denied if {
	results := deny_for(vault([open_get], []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "Glacier vault `records` has a policy that lets anyone retrieve archives"
}

test_account_allowed if {
	s := object.union(open_get, {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]})
	count(deny_for(vault([s], []))) == 0
}

test_no_policy_allowed if {
	count(deny_for(json.remove(vault([], []), ["policy"]))) == 0
}

test_unknown_policy_silent if {
	count(deny_for(json.remove(vault([], ["policy"]), ["policy"]))) == 0
}
