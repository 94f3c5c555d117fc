# METADATA
# title: Storage account allows shared key authorization
# description: |
#   While shared key access is on, the account's two access keys grant full control of all its data,
#   and anyone holding one can also mint SAS tokens that share any part of it with anyone, for as long as
#   they like: none of this goes through Microsoft Entra ID, so it is not tied to a person, cannot be
#   limited by roles or conditional access, and is hard to trace. Keys leak through connection strings in
#   code, pipelines and config files. Turning it off makes Entra ID (and user delegation SAS) the only way
#   in. Low: it widens what a leaked key can do rather than exposing data by itself; the provider leaves
#   it on by default.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/shared-key-authorization-prevent
# custom:
#   id: AZURE-STORAGE-006
#   name: storage-account-shared-key-access
#   severity: low
#   category: sharing
#   recommended_action: |
#     Set `shared_access_key_enabled = false` on the azurerm_storage_account, give applications managed
#     identities with data-plane roles (Storage Blob Data Reader/Contributor), and set
#     `storage_use_azuread = true` in the azurerm provider block so Terraform itself uses Entra ID.
package preflight.azure.storage.account_shared_key_access

import data.preflight.lib

deny contains lib.result(a, "shared_access_key_enabled", msg) if {
	some a in input.azure.storage.accounts
	a.shared_access_key_enabled == true
	msg := sprintf("Storage account `%s` accepts its access keys and SAS tokens signed with them", [a.label])
}
