package preflight.aws.iam.read_all_data_test

import data.preflight.aws.iam.read_all_data as p

stmt(actions, resources) := {"effect": "Allow", "actions": actions, "not_actions": [], "resources": resources, "not_resources": [], "conditions": []}

policy(stmts, unknown) := {"id": "aws_iam_policy.r", "label": "r", "unknown": unknown, "kind": "user_inline", "document": {"statements": stmts}}

deny_for(pol) := results if {
	in_ := {"aws": {"iam": {"policies": [pol]}}}
	results := p.deny with input as in_
}

test_get_star_denied if {
	results := deny_for(policy([stmt(["s3:Get*"], ["*"])], []))
	count(results) == 1
	some r in results
	r.message == "Inline user policy `r` allows reading data on every resource: `s3:GetObject`, `s3:GetObjectVersion`"
}

test_secret_read_denied if count(deny_for(policy([stmt(["secretsmanager:GetSecretValue"], ["*"])], []))) == 1

test_scoped_allowed if count(deny_for(policy([stmt(["s3:GetObject"], ["arn:aws:s3:::b/*"])], []))) == 0

test_logs_allowed if count(deny_for(policy([stmt(["logs:*"], ["*"])], []))) == 0

test_whole_service_left_to_003 if count(deny_for(policy([stmt(["s3:*"], ["*"])], []))) == 0

test_whole_insensitive_service_reported if count(deny_for(policy([stmt(["dynamodb:*"], ["*"])], []))) == 1

test_unknown_resources_silent if count(deny_for(policy([stmt(["s3:GetObject"], [])], ["document.statements[0].resources"]))) == 0
