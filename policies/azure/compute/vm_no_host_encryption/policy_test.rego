package preflight.azure.compute.vm_no_host_encryption_test

import data.preflight.azure.compute.vm_no_host_encryption as p

vm(extra) := object.union({"id": "azurerm_linux_virtual_machine.web", "label": "web", "unknown": [], "kind": "virtual_machine"}, extra)

deny_for(m) := results if {
	results := p.deny with input as {"azure": {"compute": {"disks": [], "virtual_machines": [m]}}}
}

test_off_denied if {
	results := deny_for(vm({"encryption_at_host_enabled": false}))
	count(results) == 1
	some r in results
	r.path == "encryption_at_host_enabled"
	r.message == "Virtual machine `web` does not encrypt its temporary disk and disk caches at the host"
}

test_scale_set_denied if {
	some r in deny_for(vm({"kind": "scale_set", "encryption_at_host_enabled": false}))
	startswith(r.message, "Virtual machine scale set `web`")
}

test_on_allowed if count(deny_for(vm({"encryption_at_host_enabled": true}))) == 0

test_unknown_silent if count(deny_for(vm({"unknown": ["encryption_at_host_enabled"]}))) == 0
