package preflight.azure.compute.disk_no_customer_key_test

import data.preflight.azure.compute.disk_no_customer_key as p

disk(extra) := object.union({"id": "azurerm_managed_disk.data", "label": "data", "unknown": [], "azure_disk_encryption": false}, extra)

deny_for(d) := results if {
	results := p.deny with input as {"azure": {"compute": {"disks": [d]}}}
}

test_platform_key_denied if {
	results := deny_for(disk({}))
	count(results) == 1
	some r in results
	r.path == "disk_encryption_set_id"
	r.message == "Managed disk `data` is encrypted only with a platform-managed key, not a customer-managed key"
}

test_encryption_set_allowed if count(deny_for(disk({"disk_encryption_set_id": "/subscriptions/0/des"}))) == 0

test_ade_allowed if count(deny_for(disk({"azure_disk_encryption": true}))) == 0

test_unknown_silent if count(deny_for(disk({"unknown": ["disk_encryption_set_id"]}))) == 0
