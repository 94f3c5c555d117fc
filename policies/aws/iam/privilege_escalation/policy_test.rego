package preflight.aws.iam.privilege_escalation_test

import data.preflight.aws.iam.privilege_escalation as p

stmt(actions, resources) := {"effect": "Allow", "actions": actions, "not_actions": [], "resources": resources, "not_resources": [], "conditions": []}

policy(stmts, unknown) := {"id": "aws_iam_user_policy.ci", "label": "ci", "unknown": unknown, "kind": "user_inline", "document": {"statements": stmts}}

deny_for(pol) := results if {
	results := p.deny with input as {"aws": {"iam": {"policies": [pol]}}}
}

test_create_access_key_any_user_denied if {
	results := deny_for(policy([stmt(["iam:CreateAccessKey", "s3:GetObject"], ["*"])], []))
	count(results) == 1
	some r in results
	r.path == "document.statements[0]"
	endswith(r.message, "`ci` allows `iam:CreateAccessKey` on every resource, which lets its holder raise its own permissions")
}

test_wildcards_matched if {
	results := deny_for(policy([stmt(["iam:Put*Policy"], ["*"])], []))
	some r in results
	contains(r.message, "`iam:PutGroupPolicy`, `iam:PutRolePolicy`, `iam:PutUserPolicy`")
}

test_lambda_update_code_denied if count(deny_for(policy([stmt(["lambda:UpdateFunctionCode"], ["*"])], []))) == 1

test_named_resources_allowed if {
	count(deny_for(policy([stmt(["iam:CreateAccessKey"], ["arn:aws:iam::111122223333:user/${aws:username}"])], []))) == 0
}

test_deny_cancels if {
	deny_all := {"effect": "Deny", "actions": ["iam:*"], "not_actions": [], "resources": ["*"], "not_resources": [], "conditions": []}
	count(deny_for(policy([stmt(["iam:AttachUserPolicy"], ["*"]), deny_all], []))) == 0
}

test_iam_star_left_to_003 if count(deny_for(policy([stmt(["iam:*"], ["*"])], []))) == 0

test_admin_left_to_001 if count(deny_for(policy([stmt(["*"], ["*"])], []))) == 0

test_pass_role_left_to_006 if count(deny_for(policy([stmt(["iam:PassRole"], ["*"])], []))) == 0

# Left out: `resources` not written but `not_resources` given still covers every other resource.
test_not_resources_denied if {
	s := object.union(stmt(["iam:AttachRolePolicy"], []), {"not_resources": ["arn:aws:iam::111122223333:role/admin"]})
	count(deny_for(policy([s], []))) == 1
}

test_unknown_resources_silent if {
	count(deny_for(policy([stmt(["iam:CreatePolicyVersion"], [])], ["document.statements[0].resources"]))) == 0
}
