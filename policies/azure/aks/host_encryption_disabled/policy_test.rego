package preflight.azure.aks.host_encryption_disabled_test

import data.preflight.azure.aks.host_encryption_disabled as p

cluster(extra) := object.union({"id": "azurerm_kubernetes_cluster.k", "label": "k", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"azure": {"aks": {"clusters": [c], "node_pools": []}}}
}

pool_deny_for(n) := results if {
	results := p.deny with input as {"azure": {"aks": {"clusters": [], "node_pools": [n]}}}
}

pool(extra) := object.union({"id": "azurerm_kubernetes_cluster_node_pool.gpu", "label": "gpu", "unknown": []}, extra)

test_node_pool_disabled_denied if {
	results := pool_deny_for(pool({"host_encryption_enabled": false}))
	count(results) == 1
	some r in results
	r.message == "AKS node pool `gpu` does not encrypt temporary disks and disk caches at the host"
}

test_node_pool_enabled_allowed if count(pool_deny_for(pool({"host_encryption_enabled": true}))) == 0

test_node_pool_unknown_silent if count(pool_deny_for(pool({"unknown": ["host_encryption_enabled"]}))) == 0

test_disabled_denied if {
	results := deny_for(cluster({"host_encryption_enabled": false}))
	count(results) == 1
	some r in results
	r.path == "host_encryption_enabled"
	r.message == "AKS cluster `k` default node pool does not encrypt temporary disks and disk caches at the host"
}

test_enabled_allowed if count(deny_for(cluster({"host_encryption_enabled": true}))) == 0

# The adapter fills `false` for a pool that leaves it out; absent means the pool is unknown.
test_absent_silent if count(deny_for(cluster({}))) == 0

test_unknown_silent if count(deny_for(cluster({"unknown": ["host_encryption_enabled"]}))) == 0
