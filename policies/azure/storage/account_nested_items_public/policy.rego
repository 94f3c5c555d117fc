# METADATA
# title: Storage account lets containers and blobs be made public
# description: |
#   `allow_nested_items_to_be_public` (the account's "allow blob anonymous access") decides whether a
#   container in the account can be switched to anonymous read access. While it is on, one
#   `container_access_type = "blob"` on any container, by anyone who can change containers, publishes
#   its blobs to the internet without a key or a token. Turning it off at the account blocks anonymous
#   access for every container at once, whatever their own setting. The azurerm provider sends `true`
#   when the argument is left out (from provider 3.0 on; provider 2 called it `allow_blob_public_access`
#   and defaulted to false), so an account written without it allows public containers. Medium: nothing
#   is public until a container opts in; AZURE-STORAGE-002 reports the containers that do.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent
# custom:
#   id: AZURE-STORAGE-001
#   name: storage-account-nested-items-public
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Set `allow_nested_items_to_be_public = false` on the azurerm_storage_account. Serve public content
#     through a CDN or a static website in front of a private account, or hand out short-lived SAS tokens
#     (user delegation SAS) to the few clients that need direct access.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 3.7
package preflight.azure.storage.account_nested_items_public

import data.preflight.lib

deny contains lib.result(a, "allow_nested_items_to_be_public", msg) if {
	some a in input.azure.storage.accounts
	a.allow_nested_items_to_be_public == true
	msg := sprintf("Storage account `%s` allows anonymous public access to its containers and blobs", [a.label])
}
