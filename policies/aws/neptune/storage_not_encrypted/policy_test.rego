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

snapshot(extra) := object.union({"id": "aws_neptune_cluster_snapshot.s", "label": "s", "unknown": []}, extra)

snapshot_deny(s) := results if {
	results := p.deny with input as {"aws": {"neptune": {"cluster_snapshots": [s]}}}
}

test_snapshot_of_unencrypted_cluster_denied if {
	results := snapshot_deny(snapshot({"cluster": "graph", "storage_encrypted": false}))
	count(results) == 1
	some r in results
	r.message == "Neptune cluster snapshot `s` is not encrypted: its source cluster `graph` stores data unencrypted"
}

test_snapshot_of_encrypted_cluster_allowed if count(snapshot_deny(snapshot({"cluster": "graph", "storage_encrypted": true}))) == 0

# The source cluster is not in the scanned code: unknown, silent.
test_snapshot_of_unknown_cluster_silent if count(snapshot_deny(snapshot({"unknown": ["storage_encrypted"]}))) == 0
