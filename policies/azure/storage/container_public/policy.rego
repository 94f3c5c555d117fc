# METADATA
# title: Blob container readable by anyone on the internet
# description: |
#   A container with `container_access_type = "blob"` serves every blob in it to anyone who knows or
#   guesses its URL, without a key, a token or a log of who read it; `container` also lets anyone list
#   the container's blobs, so nothing has to be guessed. Account names are short and easy to enumerate,
#   and public containers are found by scanners within days. The access applies only while the
#   storage account allows public nested items, which the rule checks. High: the data is readable by
#   anyone.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure
# custom:
#   id: AZURE-STORAGE-002
#   name: storage-container-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `container_access_type = "private"` on the azurerm_storage_container (or remove it: private is
#     the default), and `allow_nested_items_to_be_public = false` on the azurerm_storage_account. Serve
#     public files through a CDN in front of a private container, or give clients SAS tokens.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 3.7
package preflight.azure.storage.container_public

import data.preflight.lib

deny contains lib.result(c, "container_access_type", msg) if {
	some c in input.azure.storage.containers
	what := exposure[lower(c.container_access_type)]
	c.account_allows_public == true
	msg := sprintf("Storage container `%s` lets anyone on the internet %s", [c.label, what])
}

exposure := {
	"blob": "read its blobs",
	"container": "list and read its blobs",
}
