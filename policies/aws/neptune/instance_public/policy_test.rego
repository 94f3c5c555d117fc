package preflight.aws.neptune.instance_public_test

import data.preflight.aws.neptune.instance_public as p

instance(extra) := object.union({"id": "aws_neptune_cluster_instance.reader", "label": "reader", "unknown": []}, extra)

deny_for(i) := results if {
	results := p.deny with input as {"aws": {"neptune": {"instances": [i]}}}
}

test_public_denied if {
	results := deny_for(instance({"publicly_accessible": true}))
	count(results) == 1
	some r in results
	r.path == "publicly_accessible"
	r.message == "Neptune instance `reader` has a public endpoint reachable from the internet"
}

test_private_allowed if count(deny_for(instance({"publicly_accessible": false}))) == 0

# Left out, the adapter fills false.
test_left_out_allowed if count(deny_for(instance({"publicly_accessible": false}))) == 0

test_unknown_silent if count(deny_for(instance({"unknown": ["publicly_accessible"]}))) == 0
