package preflight.azure.compute.disk_public_export_test

import data.preflight.azure.compute.disk_public_export as p

disk(extra) := object.union({"id": "azurerm_managed_disk.d", "label": "d", "unknown": []}, extra)

deny_for(d) := results if {
	results := p.deny with input as {"azure": {"compute": {"disks": [d]}}}
}

test_allow_all_public_denied if {
	results := deny_for(disk({"network_access_policy": "AllowAll", "public_network_access_enabled": true}))
	count(results) == 1
	some r in results
	r.path == "network_access_policy"
}

test_restricted_allowed if {
	count(deny_for(disk({"network_access_policy": "DenyAll", "public_network_access_enabled": true}))) == 0
	count(deny_for(disk({"network_access_policy": "AllowPrivate", "public_network_access_enabled": true}))) == 0
	count(deny_for(disk({"network_access_policy": "AllowAll", "public_network_access_enabled": false}))) == 0
}

test_unknown_silent if {
	count(deny_for(disk({"public_network_access_enabled": true, "unknown": ["network_access_policy"]}))) == 0
	count(deny_for(disk({"network_access_policy": "AllowAll", "unknown": ["public_network_access_enabled"]}))) == 0
}
