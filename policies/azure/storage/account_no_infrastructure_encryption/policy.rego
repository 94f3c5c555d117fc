# METADATA
# title: Storage account without infrastructure (double) encryption
# description: |
#   Azure Storage encrypts all data at rest with AES-256. Infrastructure encryption adds a second,
#   independent layer with a different key and algorithm implementation, so that one broken key or one
#   flawed implementation does not expose the data. Some regulations ask for it. It can only be chosen
#   when the account is created (changing it replaces the account), which is why it belongs in code
#   review. Low: the data is encrypted either way.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/infrastructure-encryption-enable
# custom:
#   id: AZURE-STORAGE-007
#   name: storage-account-no-infrastructure-encryption
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `infrastructure_encryption_enabled = true` on the azurerm_storage_account (this recreates an
#     existing account: migrate its data).
package preflight.azure.storage.account_no_infrastructure_encryption

import data.preflight.lib

deny contains lib.result(a, "infrastructure_encryption_enabled", msg) if {
	some a in input.azure.storage.accounts
	a.infrastructure_encryption_enabled == false
	msg := sprintf("Storage account `%s` encrypts data at rest once, without infrastructure encryption", [a.label])
}
