package preflight.gcp.gke.nodes_public_test

import data.preflight.gcp.gke.nodes_public as p

cluster(extra) := object.union({"id": "google_container_cluster.c", "label": "c", "unknown": [], "authorized_cidrs": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"gcp": {"gke": {"clusters": [c]}}}
}

test_public_nodes_denied if {
	results := deny_for(cluster({"private_nodes": false}))
	count(results) == 1
	some r in results
	r.path == "private_nodes"
}

test_private_nodes_allowed if count(deny_for(cluster({"private_nodes": true}))) == 0

test_unknown_silent if count(deny_for(cluster({"unknown": ["private_nodes"]}))) == 0
