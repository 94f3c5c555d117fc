package preflight.aws.ebs.instance_volume_not_encrypted_test

import data.preflight.aws.ebs.instance_volume_not_encrypted as p

machine(devices) := {"id": "aws_instance.web", "label": "web", "unknown": [], "block_devices": devices}

deny_instance(m) := results if {
	results := p.deny with input as {"aws": {"compute": {"instances": [m]}}}
}

deny_template(m) := results if {
	results := p.deny with input as {"aws": {"compute": {"launch_templates": [m]}}}
}

test_root_unencrypted_denied if {
	results := deny_instance(machine([{"root": true, "encrypted": false}]))
	count(results) == 1
	some r in results
	r.path == "block_devices[0].encrypted"
	r.message == "EC2 instance `web` creates its root volume without encryption"
}

test_named_volume_denied if {
	results := deny_template(machine([{"root": true, "encrypted": true}, {"device_name": "/dev/sdf", "encrypted": false}]))
	count(results) == 1
	some r in results
	r.path == "block_devices[1].encrypted"
	r.message == "Launch template `web` creates EBS volume `/dev/sdf` without encryption"
}

test_encrypted_allowed if count(deny_instance(machine([{"root": true, "encrypted": true}]))) == 0

test_no_volumes_allowed if count(deny_instance(machine([]))) == 0

test_unknown_silent if {
	m := object.union(machine([{"root": true}]), {"unknown": ["block_devices[0].encrypted"]})
	count(deny_instance(m)) == 0
}
