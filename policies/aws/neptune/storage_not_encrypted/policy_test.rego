package preflight.aws.neptune.storage_not_encrypted_test

import data.preflight.aws.neptune.storage_not_encrypted as p

cluster(extra) := object.union({"id": "aws_neptune_cluster.graph", "label": "graph", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"neptune": {"clusters": [c]}}}
}

test_unencrypted_denied if {
	results := deny_for(cluster({"storage_encrypted": false}))
	count(results) == 1
	some r in results
	r.path == "storage_encrypted"
	r.message == "Neptune cluster `graph` stores data unencrypted"
}

test_encrypted_allowed if count(deny_for(cluster({"storage_encrypted": true}))) == 0

# Left out, the adapter fills false: the finding points at the cluster.
test_left_out_denied if count(deny_for(cluster({"storage_encrypted": false, "name": "graph"}))) == 1

# Restored from a snapshot: inherited, absent and unknown.
test_unknown_silent if count(deny_for(cluster({"unknown": ["storage_encrypted"]}))) == 0
