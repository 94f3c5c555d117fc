# METADATA
# title: Virtual machine without encryption at host
# description: |
#   Server-side encryption protects a VM's managed disks in storage, but not its temporary disk, the
#   OS and data disk caches kept on the physical host, or the data on its way between the host and
#   storage. Encryption at host covers those too, with the platform key or the disks' encryption set.
#   Without it, page files, swap and application scratch data on the temporary disk stay on the
#   host in the clear. It also holds for every instance of a scale set. Low: reaching that data needs
#   access to Azure's hosts; the subscription must have the `EncryptionAtHost` feature registered.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data
# custom:
#   id: AZURE-COMPUTE-003
#   name: vm-host-encryption-disabled
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `encryption_at_host_enabled = true` on the azurerm_linux_virtual_machine,
#     azurerm_windows_virtual_machine or scale set (register the `EncryptionAtHost` feature on the
#     subscription first).
package preflight.azure.compute.vm_no_host_encryption

import data.preflight.lib

deny contains lib.result(m, "encryption_at_host_enabled", msg) if {
	some m in input.azure.compute.virtual_machines
	m.encryption_at_host_enabled == false
	msg := sprintf("%s `%s` does not encrypt its temporary disk and disk caches at the host", [kinds[m.kind], m.label])
}

kinds := {"virtual_machine": "Virtual machine", "scale_set": "Virtual machine scale set"}
