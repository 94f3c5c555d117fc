# METADATA
# title: Key Vault without purge protection
# description: |
#   Without purge protection, a deleted vault or key can be purged at once instead of staying
#   recoverable for the soft-delete retention period. A compromised administrator account, or a
#   mistaken `terraform destroy`, can then destroy the keys that encrypt storage accounts, disks and
#   databases, which makes that data unrecoverable (a ransom technique). Customer-managed keys for Azure
#   Storage, disks and SQL require it. Low: it matters once an administrator account is compromised or
#   misused.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
# custom:
#   id: AZURE-KEYVAULT-002
#   name: key-vault-no-purge-protection
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `purge_protection_enabled = true` on the azurerm_key_vault (it cannot be turned off again; keep
#     `soft_delete_retention_days` at what your recovery plan needs).
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 8.5
package preflight.azure.keyvault.vault_no_purge_protection

import data.preflight.lib

deny contains lib.result(v, "purge_protection_enabled", msg) if {
	some v in input.azure.keyvault.vaults
	v.purge_protection_enabled == false
	msg := sprintf("Key Vault `%s` can be purged with its keys and secrets before the retention period ends", [v.label])
}
