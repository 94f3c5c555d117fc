package preflight.aws.ses.public_identity_policy_test

import data.preflight.aws.ses.public_identity_policy as p

open_send := {
	"effect": "Allow",
	"actions": ["ses:SendEmail", "ses:SendRawEmail"],
	"not_actions": [],
	"resources": ["arn:aws:ses:eu-west-1:111122223333:identity/example.com"],
	"principals": [{"type": "*", "value": "*"}],
	"conditions": [],
}

policy(stmts, unknown) := {"id": "aws_ses_identity_policy.mail", "label": "mail", "identity": "example.com", "unknown": unknown, "policy": {"statements": stmts}}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"ses": {"identity_policies": [x]}}}
}

test_open_send_denied if {
	results := deny_for(policy([open_send], []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "SES identity policy `mail` lets anyone send email as `example.com`"
}

test_other_actions_named if {
	s := object.union(open_send, {"actions": ["ses:GetIdentityVerificationAttributes"]})
	some r in deny_for(policy([s], []))
	r.message == "SES identity policy `mail` lets anyone perform `ses:GetIdentityVerificationAttributes` (identity `example.com`)"
}

test_unknown_identity_message if {
	x := object.remove(policy([open_send], ["identity"]), ["identity"])
	some r in deny_for(x)
	r.message == "SES identity policy `mail` lets anyone send email as it"
}

test_account_allowed if {
	s := object.union(open_send, {"principals": [{"type": "AWS", "value": "arn:aws:iam::444455556666:root"}]})
	count(deny_for(policy([s], []))) == 0
}

test_org_condition_allowed if {
	c := {"operator": "StringEquals", "key": "aws:principalorgid", "values": ["o-a1b2c3d4e5"]}
	count(deny_for(policy([object.union(open_send, {"conditions": [c]})], []))) == 0
}

test_unknown_condition_silent if {
	c := {"operator": "StringEquals", "key": "aws:sourceaccount", "values": []}
	s := object.union(open_send, {"conditions": [c]})
	count(deny_for(policy([s], ["policy.statements[0].conditions[0].values"]))) == 0
}
