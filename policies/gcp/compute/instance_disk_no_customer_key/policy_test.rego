package preflight.gcp.compute.instance_disk_no_customer_key_test

import data.preflight.gcp.compute.instance_disk_no_customer_key as p

vm(extra) := object.union({"id": "google_compute_instance.vm", "label": "vm", "unknown": [], "created_disks": []}, extra)

deny_vm(v) := results if {
	results := p.deny with input as {"gcp": {"compute": {"instances": [v], "instance_templates": []}}}
}

deny_template(v) := results if {
	results := p.deny with input as {"gcp": {"compute": {"instances": [], "instance_templates": [v]}}}
}

test_boot_disk_google_key_denied if {
	results := deny_vm(vm({"created_disks": [{"boot": true, "key_type": "GOOGLE_MANAGED"}]}))
	count(results) == 1
	some r in results
	r.path == "created_disks[0].key_type"
	contains(r.message, "boot disk")
}

test_customer_keys_allowed if {
	count(deny_vm(vm({"created_disks": [{"boot": true, "key_type": "CUSTOMER_MANAGED"}]}))) == 0
	count(deny_vm(vm({"created_disks": [{"boot": true, "key_type": "CUSTOMER_SUPPLIED"}]}))) == 0
}

# An instance booting from an existing disk creates none: nothing to judge here.
test_existing_boot_disk_allowed if count(deny_vm(vm({}))) == 0

test_template_disks_each_judged if {
	results := deny_template(vm({
		"id": "google_compute_instance_template.t", "label": "t",
		"created_disks": [
			{"boot": true, "key_type": "CUSTOMER_MANAGED"},
			{"key_type": "GOOGLE_MANAGED"},
		],
	}))
	count(results) == 1
	some r in results
	r.path == "created_disks[1].key_type"
	contains(r.message, "disk 1")
}

test_unknown_silent if {
	count(deny_vm(vm({"created_disks": [{"boot": true}], "unknown": ["created_disks[0].key_type"]}))) == 0
	count(deny_template(vm({"created_disks": [{}], "unknown": ["created_disks[0].key_type"]}))) == 0
}
