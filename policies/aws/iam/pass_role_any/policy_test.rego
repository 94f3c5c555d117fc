package preflight.aws.iam.pass_role_any_test

import data.preflight.aws.iam.pass_role_any as p

stmt(actions, resources) := {"effect": "Allow", "actions": actions, "not_actions": [], "resources": resources, "not_resources": [], "conditions": []}

policy(stmts, unknown) := {"id": "aws_iam_policy.l", "label": "l", "unknown": unknown, "kind": "managed", "document": {"statements": stmts}}

deny_for(pol) := results if {
	in_ := {"aws": {"iam": {"policies": [pol]}}}
	results := p.deny with input as in_
}

test_pass_role_star_denied if {
	results := deny_for(policy([stmt(["iam:PassRole"], ["*"])], []))
	count(results) == 1
	some r in results
	r.message == "IAM policy `l` allows `iam:PassRole` on every role (`iam:PassRole`)"
}

test_glob_denied if count(deny_for(policy([stmt(["iam:pass*"], ["*"])], []))) == 1

test_named_role_allowed if count(deny_for(policy([stmt(["iam:PassRole"], ["arn:aws:iam::111122223333:role/a"])], []))) == 0

test_iam_star_left_to_003 if count(deny_for(policy([stmt(["iam:*"], ["*"])], []))) == 0

test_admin_left_to_001 if count(deny_for(policy([stmt(["*"], ["*"])], []))) == 0

test_unknown_resources_silent if count(deny_for(policy([stmt(["iam:PassRole"], [])], ["document.statements[0].resources"]))) == 0
