package preflight.gcp.iam.resource_public_test

import data.preflight.gcp.iam.resource_public as p

grant(kind, members, extra) := object.union({
	"id": "g", "label": "g", "unknown": [], "kind": kind, "resource": "r", "via": "member",
	"bindings": [{"role": "roles/x.user", "members": members, "condition": false}],
}, extra)

deny_for(g) := results if {
	results := p.deny with input as {"gcp": {"iam": {"grants": [g]}}}
}

test_public_secret_denied if {
	results := deny_for(grant("secret_manager_secret", ["allUsers"], {}))
	count(results) == 1
	some r in results
	r.path == "bindings[0].members"
	r.message == "Secret Manager secret `r` grants `roles/x.user` to `allUsers` (anyone on the internet)"
}

test_unlisted_kind_named_after_kind if {
	results := deny_for(grant("vertex_ai_endpoint", ["allAuthenticatedUsers"], {}))
	some r in results
	startswith(r.message, "Vertex ai endpoint `r` grants")
}

test_policy_via_named if {
	results := deny_for(grant("gke_hub_membership", ["allUsers"], {"via": "policy"}))
	some r in results
	endswith(r.message, "(anyone on the internet) in its IAM policy")
}

test_covered_kinds_left_to_their_rules if {
	every k in ["storage_bucket", "kms_crypto_key", "project", "cloud_run_service", "bigquery_dataset"] {
		count(deny_for(grant(k, ["allUsers"], {}))) == 0
	}
}

test_named_principals_allowed if count(deny_for(grant("secret_manager_secret", ["serviceAccount:app@p.iam.gserviceaccount.com"], {}))) == 0

test_unknown_role_silent if {
	g := grant("secret_manager_secret", ["allUsers"], {"unknown": ["bindings[0].role"]})
	count(deny_for(object.union(g, {"bindings": [{"members": ["allUsers"], "condition": false}]}))) == 0
}

test_unknown_members_silent if count(deny_for(grant("secret_manager_secret", [], {"unknown": ["bindings[0].members"]}))) == 0
