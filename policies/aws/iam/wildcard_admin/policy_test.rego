package preflight.aws.iam.wildcard_admin_test

import data.preflight.aws.iam.wildcard_admin as p

admin := {"effect": "Allow", "actions": ["*"], "resources": ["*"], "conditions": []}

read_logs := {"effect": "Allow", "actions": ["logs:GetLogEvents"], "resources": ["*"], "conditions": []}

policy(kind, stmts, unknown) := {
	"id": "aws_iam_policy.ops",
	"label": "ops",
	"unknown": unknown,
	"kind": kind,
	"document": {"statements": stmts},
}

deny_for(pol) := results if {
	results := p.deny with input as {"aws": {"iam": {"policies": [pol]}}}
}

test_star_star_denied if {
	results := deny_for(policy("managed", [read_logs, admin], []))
	count(results) == 1
	some r in results
	r.id == "aws_iam_policy.ops"
	r.path == "document.statements[1]"
	r.message == "IAM policy `ops` allows every action on every resource"
}

test_star_colon_star_inline_denied if {
	results := deny_for(policy("role_inline", [object.union(admin, {"actions": ["*:*"]})], []))
	some r in results
	r.message == "Inline role policy `ops` allows every action on every resource"
}

test_scoped_actions_allowed if count(deny_for(policy("managed", [read_logs], []))) == 0

test_star_action_on_one_resource_allowed if {
	s := object.union(admin, {"resources": ["arn:aws:s3:::acme-sandbox/*"]})
	count(deny_for(policy("managed", [s], []))) == 0
}

test_service_wildcard_allowed if {
	count(deny_for(policy("managed", [object.union(admin, {"actions": ["s3:*"]})], []))) == 0
}

test_deny_statement_allowed if {
	count(deny_for(policy("managed", [object.union(admin, {"effect": "Deny"})], []))) == 0
}

test_unknown_actions_silent if {
	s := json.remove(admin, ["actions"])
	count(deny_for(policy("managed", [s], ["document.statements[0].actions"]))) == 0
}

test_unknown_document_silent if {
	pol := json.remove(policy("managed", [], ["document"]), ["document"])
	count(deny_for(pol)) == 0
}

test_not_action_admin_denied if {
	s := json.remove(object.union(admin, {"not_actions": ["aws-portal:*"]}), ["actions"])
	results := deny_for(policy("managed", [s], []))
	some r in results
	r.message == "IAM policy `ops` allows every action except `aws-portal:*` on every resource"
}

test_not_action_leaving_out_iam_allowed if {
	s := json.remove(object.union(admin, {"not_actions": ["iam:*", "organizations:*"]}), ["actions"])
	count(deny_for(policy("managed", [s], []))) == 0
}

test_cancelled_by_deny_allowed if {
	d := {"effect": "Deny", "actions": ["*"], "resources": ["*"], "conditions": []}
	count(deny_for(policy("managed", [admin, d], []))) == 0
}
