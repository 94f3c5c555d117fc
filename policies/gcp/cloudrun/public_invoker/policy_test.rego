package preflight.gcp.cloudrun.public_invoker_test

import data.preflight.gcp.cloudrun.public_invoker as p

grant(members, extra) := object.union({
	"id": "g", "label": "g", "unknown": [], "kind": "cloud_run_service", "resource": "r", "via": "member",
	"bindings": [{"role": "roles/run.invoker", "members": members, "condition": false}],
}, extra)

deny_for(g) := results if {
	results := p.deny with input as {"gcp": {"iam": {"grants": [g]}}}
}

test_all_users_denied if {
	results := deny_for(grant(["allUsers"], {}))
	count(results) == 1
	some r in results
	r.path == "bindings[0].members"
	contains(r.message, "`r` grants `roles/run.invoker` to `allUsers` (anyone on the internet)")
}

test_all_authenticated_users_denied if count(deny_for(grant(["user:a@example.com", "allAuthenticatedUsers"], {}))) == 1

test_named_principals_allowed if count(deny_for(grant(["group:team@example.com"], {}))) == 0

test_other_kind_ignored if count(deny_for(grant(["allUsers"], {"kind": "other"}))) == 0

test_unknown_members_silent if {
	count(deny_for(grant([], {"unknown": ["bindings[0].members"]}))) == 0
}

test_internal_ingress_allowed if count(deny_for(grant(["allUsers"], {"ingress": "internal"}))) == 0

test_all_ingress_denied if count(deny_for(grant(["allUsers"], {"ingress": "all"}))) == 1

test_load_balancer_ingress_denied_and_said if {
	results := deny_for(grant(["allUsers"], {"ingress": "internal-and-cloud-load-balancing"}))
	count(results) == 1
	some r in results
	endswith(r.message, "behind ingress `internal-and-cloud-load-balancing` (reachable from the internet through an external Application Load Balancer)")
}

test_unknown_ingress_silent if count(deny_for(grant(["allUsers"], {"unknown": ["ingress"]}))) == 0
