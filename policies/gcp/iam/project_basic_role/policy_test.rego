package preflight.gcp.iam.project_basic_role_test

import data.preflight.gcp.iam.project_basic_role as p

grant(role, members) := {"id": "g", "label": "g", "unknown": [], "kind": "project", "resource": "acme", "via": "member",
	"bindings": [{"role": role, "members": members, "condition": false}]}

deny_for(g) := results if {
	results := p.deny with input as {"gcp": {"iam": {"grants": [g]}}}
}

test_editor_to_user_denied if {
	results := deny_for(grant("roles/editor", ["user:alice@example.com"]))
	count(results) == 1
	some r in results
	r.message == "Project `acme` grants the basic role `roles/editor` to `user:alice@example.com`"
}

test_service_account_allowed if count(deny_for(grant("roles/editor", ["serviceAccount:ci@acme.iam.gserviceaccount.com"]))) == 0

test_predefined_role_allowed if count(deny_for(grant("roles/storage.admin", ["user:alice@example.com"]))) == 0

test_unknown_role_silent if {
	count(deny_for(object.union(grant("x", ["user:a@example.com"]), {"bindings": [{"members": ["user:a@example.com"]}], "unknown": ["bindings[0].role"]}))) == 0
}
