# METADATA
# title: Storage account not encrypted with a customer-managed key
# description: |
#   Without a customer-managed key, the account is encrypted with a key Microsoft manages: you cannot
#   revoke it to cut off access to the data in an incident, rotate it on your own schedule, or see its
#   use in your Key Vault's logs. Regulated data often needs that control. Low: the data is encrypted
#   and unreadable without Azure credentials either way.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/customer-managed-keys-overview
# custom:
#   id: AZURE-STORAGE-008
#   name: storage-account-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Add a `customer_managed_key` block (`key_vault_key_id` and `user_assigned_identity_id`) to the
#     azurerm_storage_account, or an azurerm_storage_account_customer_managed_key resource naming it;
#     the key vault needs purge protection.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 3.12
package preflight.azure.storage.account_no_customer_key

import data.preflight.lib

deny contains lib.result(a, "customer_managed_key", msg) if {
	some a in input.azure.storage.accounts
	a.customer_managed_key == false
	msg := sprintf("Storage account `%s` is encrypted with a Microsoft-managed key, not a customer-managed key", [a.label])
}
