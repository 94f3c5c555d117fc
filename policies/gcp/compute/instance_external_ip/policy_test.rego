package preflight.gcp.compute.instance_external_ip_test

import data.preflight.gcp.compute.instance_external_ip as p

vm(extra) := object.union({"id": "google_compute_instance.vm", "label": "vm", "unknown": []}, extra)

deny_for(v) := results if {
	results := p.deny with input as {"gcp": {"compute": {"instances": [v], "instance_templates": []}}}
}

deny_template(v) := results if {
	results := p.deny with input as {"gcp": {"compute": {"instances": [], "instance_templates": [v]}}}
}

test_external_ip_denied if {
	results := deny_for(vm({"external_ip": true}))
	count(results) == 1
	some r in results
	r.path == "external_ip"
}

test_internal_only_allowed if count(deny_for(vm({"external_ip": false}))) == 0

test_unknown_silent if count(deny_for(vm({"unknown": ["external_ip"]}))) == 0

test_template_external_ip_denied if {
	results := deny_template(vm({"id": "google_compute_instance_template.t", "label": "t", "external_ip": true}))
	count(results) == 1
	some r in results
	r.path == "external_ip"
	contains(r.message, "Instance template `t`")
}

test_template_internal_allowed if count(deny_template(vm({"external_ip": false}))) == 0

test_template_unknown_silent if count(deny_template(vm({"unknown": ["external_ip"]}))) == 0
