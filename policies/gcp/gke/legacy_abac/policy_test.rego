package preflight.gcp.gke.legacy_abac_test

import data.preflight.gcp.gke.legacy_abac as p

cluster(extra) := object.union({"id": "google_container_cluster.c", "label": "c", "unknown": [], "authorized_cidrs": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"gcp": {"gke": {"clusters": [c]}}}
}

test_legacy_abac_denied if {
	results := deny_for(cluster({"legacy_abac": true}))
	count(results) == 1
	some r in results
	r.path == "legacy_abac"
}

test_rbac_only_allowed if count(deny_for(cluster({"legacy_abac": false}))) == 0

test_unknown_silent if count(deny_for(cluster({"unknown": ["legacy_abac"]}))) == 0
