package preflight.aws.backup.public_vault_policy_test

import data.preflight.aws.backup.public_vault_policy as p

open_copy := {
	"effect": "Allow",
	"actions": ["backup:CopyIntoBackupVault"],
	"not_actions": [],
	"resources": ["*"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

vault(stmts, unknown) := {"id": "aws_backup_vault.main", "label": "main", "unknown": unknown, "policy": {"statements": stmts}}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"backup": {"vaults": [x]}}}
}

test_open_copy_denied if {
	results := deny_for(vault([open_copy], []))
	count(results) == 1
	some r in results
	r.message == "Backup vault `main` has a policy that lets anyone copy recovery points in"
}

test_backup_star_named if {
	some r in deny_for(vault([object.union(open_copy, {"actions": ["backup:*"]})], []))
	r.message == "Backup vault `main` has a policy that lets anyone copy recovery points out, copy recovery points in, delete recovery points, change the vault's policy and delete the vault"
}

test_org_condition_allowed if {
	c := {"operator": "StringEquals", "key": "aws:principalorgid", "values": ["o-a1b2c3d4e5"]}
	count(deny_for(vault([object.union(open_copy, {"conditions": [c]})], []))) == 0
}

test_deny_statement_allowed if {
	count(deny_for(vault([object.union(open_copy, {"effect": "Deny"})], []))) == 0
}

test_unknown_policy_silent if {
	count(deny_for(json.remove(vault([], ["policy"]), ["policy"]))) == 0
}
