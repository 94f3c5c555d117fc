# METADATA
# title: AKS cluster disks not encrypted with a customer-managed key
# description: |
#   Azure encrypts an AKS cluster's node OS and data disks with a key Microsoft manages. Without a disk
#   encryption set the organisation cannot rotate or revoke that key, cannot show an auditor who used it,
#   and cannot make the disks unreadable by disabling it. Workloads under regulations that require
#   keys in the customer's own Key Vault need `disk_encryption_set_id`. It can only be set when the
#   cluster is created. Low: the disks are encrypted either way; what is missing is control of the key.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/azure-disk-customer-managed-keys
# custom:
#   id: AZURE-AKS-002
#   name: aks-disks-without-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Create an azurerm_disk_encryption_set backed by a Key Vault key and set `disk_encryption_set_id`
#     on the azurerm_kubernetes_cluster to its ID (the cluster must be recreated).
package preflight.azure.aks.no_disk_encryption_set

import data.preflight.lib

deny contains lib.result(c, "disk_encryption_set_id", msg) if {
	some c in input.azure.aks.clusters
	lib.not_written(c, "disk_encryption_set_id")
	msg := sprintf("AKS cluster `%s` encrypts its node disks with a Microsoft-managed key, not a customer-managed key", [c.label])
}
