package preflight.aws.eks.node_group_ssh_open_test

import data.preflight.aws.eks.node_group_ssh_open as p

group(extra) := object.union({"id": "aws_eks_node_group.workers", "label": "workers", "unknown": []}, extra)

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"eks": {"node_groups": [g]}}}
}

test_no_source_groups_denied if {
	results := deny_for(group({"remote_access": true, "ssh_key": "ops", "source_security_group_ids": []}))
	count(results) == 1
	some r in results
	r.path == "remote_access.source_security_group_ids"
	r.message == "EKS node group `workers` allows SSH with key pair `ops` from any address: remote access names no source security groups, so EKS opens port 22 to 0.0.0.0/0"
}

test_source_groups_allowed if {
	count(deny_for(group({"remote_access": true, "ssh_key": "ops", "source_security_group_ids": ["sg-0a1b2c3d"]}))) == 0
}

# Left out: no remote_access block, no SSH.
test_no_remote_access_allowed if count(deny_for(group({"remote_access": false}))) == 0

test_unknown_sources_silent if {
	count(deny_for(group({"remote_access": true, "ssh_key": "ops", "unknown": ["remote_access.source_security_group_ids"]}))) == 0
}

test_unknown_key_silent if {
	count(deny_for(group({"remote_access": true, "source_security_group_ids": [], "unknown": ["ssh_key"]}))) == 0
}
