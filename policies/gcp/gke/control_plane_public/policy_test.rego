package preflight.gcp.gke.control_plane_public_test

import data.preflight.gcp.gke.control_plane_public as p

cluster(extra) := object.union({"id": "google_container_cluster.c", "label": "c", "unknown": [], "private_endpoint": false,
	"authorized_networks_enabled": false, "authorized_cidrs": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"gcp": {"gke": {"clusters": [c]}}}
}

test_no_authorized_networks_denied if {
	results := deny_for(cluster({}))
	count(results) == 1
	some r in results
	r.path == "authorized_networks_enabled"
	r.message == "GKE cluster `c` exposes its control plane endpoint to the whole internet (no master authorized networks)"
}

test_world_cidr_denied if {
	results := deny_for(cluster({"authorized_networks_enabled": true, "authorized_cidrs": ["10.0.0.0/8", "0.0.0.0/0"]}))
	count(results) == 1
	some r in results
	r.path == "authorized_cidrs[1]"
}

test_office_cidr_allowed if count(deny_for(cluster({"authorized_networks_enabled": true, "authorized_cidrs": ["203.0.113.0/24"]}))) == 0

test_private_endpoint_allowed if count(deny_for(cluster({"private_endpoint": true}))) == 0

test_unknown_private_endpoint_silent if {
	c := object.remove(cluster({"unknown": ["private_endpoint"]}), ["private_endpoint"])
	count(deny_for(c)) == 0
}

test_unknown_authorized_networks_silent if {
	c := object.remove(cluster({"unknown": ["authorized_networks_enabled"]}), ["authorized_networks_enabled"])
	count(deny_for(c)) == 0
}
