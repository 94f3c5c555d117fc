package preflight.aws.dms.publicly_accessible_test

import data.preflight.aws.dms.publicly_accessible as p

instance(extra) := object.union({"id": "aws_dms_replication_instance.migration", "label": "migration", "unknown": []}, extra)

deny_for(i) := results if {
	results := p.deny with input as {"aws": {"dms": {"replication_instances": [i]}}}
}

test_public_denied if {
	results := deny_for(instance({"publicly_accessible": true}))
	count(results) == 1
	some r in results
	r.path == "publicly_accessible"
	r.message == "DMS replication instance `migration` is publicly accessible from the internet"
}

test_private_allowed if count(deny_for(instance({"publicly_accessible": false}))) == 0

test_unknown_silent if count(deny_for(instance({"unknown": ["publicly_accessible"]}))) == 0
