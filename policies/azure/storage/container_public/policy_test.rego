package preflight.azure.storage.container_public_test

import data.preflight.azure.storage.container_public as p

container(extra) := object.union(
	{"id": "azurerm_storage_container.site", "label": "site", "unknown": [], "account_allows_public": true},
	extra,
)

deny_for(c) := results if {
	results := p.deny with input as {"azure": {"storage": {"accounts": [], "containers": [c]}}}
}

test_container_access_denied if {
	results := deny_for(container({"container_access_type": "container"}))
	count(results) == 1
	some r in results
	r.path == "container_access_type"
	r.message == "Storage container `site` lets anyone on the internet list and read its blobs"
}

test_blob_access_denied if count(deny_for(container({"container_access_type": "Blob"}))) == 1

test_private_allowed if count(deny_for(container({"container_access_type": "private"}))) == 0

test_account_blocks_public_allowed if {
	count(deny_for(container({"container_access_type": "blob", "account_allows_public": false}))) == 0
}

test_unknown_account_silent if {
	c := object.remove(container({"container_access_type": "blob"}), ["account_allows_public"])
	count(deny_for(object.union(c, {"unknown": ["account_allows_public"]}))) == 0
}

test_unknown_access_silent if count(deny_for(container({"unknown": ["container_access_type"]}))) == 0
