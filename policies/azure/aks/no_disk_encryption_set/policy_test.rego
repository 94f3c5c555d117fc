package preflight.azure.aks.no_disk_encryption_set_test

import data.preflight.azure.aks.no_disk_encryption_set as p

cluster(extra) := object.union({"id": "azurerm_kubernetes_cluster.k", "label": "k", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"azure": {"aks": {"clusters": [c]}}}
}

test_left_out_denied if {
	results := deny_for(cluster({}))
	count(results) == 1
	some r in results
	r.path == "disk_encryption_set_id"
	r.message == "AKS cluster `k` encrypts its node disks with a Microsoft-managed key, not a customer-managed key"
}

test_set_allowed if count(deny_for(cluster({"disk_encryption_set_id": "azurerm_disk_encryption_set.aks.id"}))) == 0

test_unknown_silent if count(deny_for(cluster({"unknown": ["disk_encryption_set_id"]}))) == 0
