package preflight.gcp.compute.disk_no_customer_key_test

import data.preflight.gcp.compute.disk_no_customer_key as p

disk(extra) := object.union({"id": "google_compute_disk.d", "label": "d", "unknown": []}, extra)

deny_for(d) := results if {
	results := p.deny with input as {"gcp": {"compute": {"disks": [d]}}}
}

test_google_key_denied if {
	results := deny_for(disk({"key_type": "GOOGLE_MANAGED"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
}

test_customer_keys_allowed if {
	count(deny_for(disk({"key_type": "CUSTOMER_MANAGED"}))) == 0
	count(deny_for(disk({"key_type": "CUSTOMER_SUPPLIED"}))) == 0
}

test_unknown_silent if count(deny_for(disk({"unknown": ["key_type"]}))) == 0
