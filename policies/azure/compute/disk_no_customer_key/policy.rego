# METADATA
# title: Managed disk not encrypted with a customer-managed key
# description: |
#   Azure encrypts every managed disk at rest with a platform-managed key: a disk is never stored in
#   clear, so "unencrypted" is not a finding on Azure. What a disk without a disk encryption set (or
#   Azure Disk Encryption) lacks is a key the customer controls: you cannot revoke it to make the disk and
#   its snapshots unreadable in an incident, rotate it on your schedule, or audit its use in your Key
#   Vault. Regulated workloads often require that. Low: the data is encrypted either way.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption
# custom:
#   id: AZURE-COMPUTE-001
#   name: managed-disk-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `disk_encryption_set_id` on the azurerm_managed_disk to an azurerm_disk_encryption_set whose
#     key is in your Key Vault (with purge protection); for confidential VMs use
#     `secure_vm_disk_encryption_set_id`.
package preflight.azure.compute.disk_no_customer_key

import data.preflight.lib

deny contains lib.result(d, "disk_encryption_set_id", msg) if {
	some d in input.azure.compute.disks
	lib.not_written(d, "disk_encryption_set_id")
	d.azure_disk_encryption == false
	msg := sprintf("Managed disk `%s` is encrypted only with a platform-managed key, not a customer-managed key", [d.label])
}
