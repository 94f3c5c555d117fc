package preflight.aws.secretsmanager.public_secret_policy_test

import data.preflight.aws.secretsmanager.public_secret_policy as p

open_read := {
	"effect": "Allow",
	"actions": ["secretsmanager:GetSecretValue"],
	"not_actions": [],
	"resources": ["*"],
	"principals": [{"type": "*", "value": "*"}],
	"conditions": [],
}

secret(stmts, unknown) := {
	"id": "aws_secretsmanager_secret.db",
	"label": "db",
	"unknown": unknown,
	"name": "db",
	"policy": {"statements": stmts},
}

deny_for(s) := results if {
	results := p.deny with input as {"aws": {"secretsmanager": {"secrets": [s]}}}
}

test_open_read_denied if {
	results := deny_for(secret([open_read], []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "Secrets Manager secret `db` has a policy that lets anyone read the secret value"
}

test_wildcard_actions_named if {
	s := object.union(open_read, {"actions": ["secretsmanager:*"]})
	some r in deny_for(secret([s], []))
	r.message == "Secrets Manager secret `db` has a policy that lets anyone read the secret value, change the secret value, change the secret's policy and delete the secret"
}

test_principal_account_allowed if {
	c := {"operator": "StringEquals", "key": "aws:principalaccount", "values": ["111122223333"]}
	count(deny_for(secret([object.union(open_read, {"conditions": [c]})], []))) == 0
}

test_deny_statement_allowed if {
	count(deny_for(secret([object.union(open_read, {"effect": "Deny"})], []))) == 0
}

test_no_policy_allowed if {
	count(deny_for(json.remove(secret([], []), ["policy"]))) == 0
}

test_unknown_principal_silent if {
	s := json.remove(open_read, ["principals"])
	count(deny_for(secret([s], ["policy.statements[0].principals"]))) == 0
}
