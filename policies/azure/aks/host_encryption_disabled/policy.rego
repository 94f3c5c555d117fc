# METADATA
# title: AKS node pool without encryption at host
# description: |
#   Server-side encryption covers the managed disks in storage, but not the node VMs' temporary disks,
#   their OS and data disk caches on the host, or data on its way between the host and storage.
#   Encryption at host encrypts those too, with the platform key or the cluster's disk encryption set.
#   Without it, pod scratch data, container images and swap written to a temporary disk sit on the
#   host's local storage in the clear. Low: reaching it needs access to Azure's physical hosts. The
#   cluster's default node pool and separate azurerm_kubernetes_cluster_node_pool resources are judged;
#   the subscription must have the `EncryptionAtHost` feature registered.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/enable-host-encryption
# custom:
#   id: AZURE-AKS-003
#   name: aks-host-encryption-disabled
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `host_encryption_enabled = true` in the `default_node_pool` block of the
#     azurerm_kubernetes_cluster and on each azurerm_kubernetes_cluster_node_pool
#     (`enable_host_encryption` before provider 4); the pool is recreated.
package preflight.azure.aks.host_encryption_disabled

import data.preflight.lib

deny contains lib.result(c, "host_encryption_enabled", msg) if {
	some c in input.azure.aks.clusters
	c.host_encryption_enabled == false
	msg := sprintf("AKS cluster `%s` default node pool does not encrypt temporary disks and disk caches at the host", [c.label])
}

deny contains lib.result(p, "host_encryption_enabled", msg) if {
	some p in input.azure.aks.node_pools
	p.host_encryption_enabled == false
	msg := sprintf("AKS node pool `%s` does not encrypt temporary disks and disk caches at the host", [p.label])
}
