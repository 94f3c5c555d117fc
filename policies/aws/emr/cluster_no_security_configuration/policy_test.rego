package preflight.aws.emr.cluster_no_security_configuration_test

import data.preflight.aws.emr.cluster_no_security_configuration as p

cluster(extra) := object.union({"id": "aws_emr_cluster.etl", "label": "etl", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"emr": {"clusters": [c]}}}
}

test_none_denied if {
	results := deny_for(cluster({}))
	count(results) == 1
	some r in results
	r.path == "security_configuration"
	r.message == "EMR cluster `etl` has no security configuration, so its disks and node-to-node traffic are not encrypted"
}

test_configured_allowed if count(deny_for(cluster({"security_configuration": "etl-encryption"}))) == 0

test_unknown_silent if count(deny_for(cluster({"unknown": ["security_configuration"]}))) == 0
