package preflight.aws.iam.service_wildcard_test

import data.preflight.aws.iam.service_wildcard as p

stmt(actions, resources) := {"effect": "Allow", "actions": actions, "not_actions": [], "resources": resources, "not_resources": [], "conditions": []}

policy(stmts, unknown) := {"id": "aws_iam_policy.ops", "label": "ops", "unknown": unknown, "kind": "managed", "document": {"statements": stmts}}

deny_for(pol) := results if {
	in_ := {"aws": {"iam": {"policies": [pol]}}}
	results := p.deny with input as in_
}

test_s3_star_denied if {
	results := deny_for(policy([stmt(["s3:*"], ["*"])], []))
	count(results) == 1
	some r in results
	r.path == "document.statements[0]"
	r.message == "IAM policy `ops` allows every `s3` action on every resource (`s3:*`)"
}

test_glob_spellings_denied if {
	count(deny_for(policy([stmt(["IAM:*"], ["*"])], []))) == 1
	count(deny_for(policy([stmt(["kms:*"], ["*"])], []))) == 1
	count(deny_for(policy([stmt(["secretsmanager:*"], ["*"])], []))) == 1
	count(deny_for(policy([stmt(["sts:AssumeRole"], ["*"])], []))) == 1
}

test_not_resource_denied if {
	s := object.union(stmt(["iam:*"], []), {"not_resources": ["arn:aws:iam::111122223333:role/x"]})
	count(deny_for(policy([s], []))) == 1
}

test_scoped_resource_allowed if count(deny_for(policy([stmt(["s3:*"], ["arn:aws:s3:::b/*"])], []))) == 0

test_partial_service_allowed if count(deny_for(policy([stmt(["s3:Get*", "s3:List*"], ["*"])], []))) == 0

test_full_admin_left_to_iam_001 if count(deny_for(policy([stmt(["*"], ["*"])], []))) == 0

test_insensitive_service_allowed if count(deny_for(policy([stmt(["logs:*", "cloudwatch:*"], ["*"])], []))) == 0

test_deny_cancels if {
	d := {"effect": "Deny", "actions": ["s3:DeleteBucket"], "resources": ["*"], "conditions": []}
	count(deny_for(policy([stmt(["s3:*"], ["*"]), d], []))) == 0
}

test_unknown_resources_silent if {
	count(deny_for(policy([stmt(["s3:*"], [])], ["document.statements[0].resources"]))) == 0
}
