package preflight.gcp.compute.instance_external_ip_test

import data.preflight.gcp.compute.instance_external_ip as p

vm(extra) := object.union({"id": "google_compute_instance.vm", "label": "vm", "unknown": []}, extra)

deny_for(v) := results if {
	results := p.deny with input as {"gcp": {"compute": {"instances": [v]}}}
}

test_external_ip_denied if {
	results := deny_for(vm({"external_ip": true}))
	count(results) == 1
	some r in results
	r.path == "external_ip"
}

test_internal_only_allowed if count(deny_for(vm({"external_ip": false}))) == 0

test_unknown_silent if count(deny_for(vm({"unknown": ["external_ip"]}))) == 0
