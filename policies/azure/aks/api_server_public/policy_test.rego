package preflight.azure.aks.api_server_public_test

import data.preflight.azure.aks.api_server_public as p

cluster(extra) := object.union(
	{"id": "azurerm_kubernetes_cluster.k", "label": "k", "unknown": [], "private_cluster_enabled": false, "authorized_ip_ranges": []},
	extra,
)

deny_for(c) := results if {
	results := p.deny with input as {"azure": {"aks": {"clusters": [c]}}}
}

test_no_ranges_denied if {
	results := deny_for(cluster({}))
	count(results) == 1
	some r in results
	r.path == "authorized_ip_ranges"
	r.message == "AKS cluster `k` exposes its API server to the whole internet (no authorized IP ranges)"
}

test_world_range_denied if count(deny_for(cluster({"authorized_ip_ranges": ["0.0.0.0/0"]}))) == 1

test_ranges_allowed if count(deny_for(cluster({"authorized_ip_ranges": ["203.0.113.0/24"]}))) == 0

test_private_allowed if count(deny_for(cluster({"private_cluster_enabled": true}))) == 0

test_unknown_silent if {
	c := object.remove(cluster({"unknown": ["authorized_ip_ranges"]}), ["authorized_ip_ranges"])
	count(deny_for(c)) == 0
}
