package preflight.aws.rds.snapshot_public_test

import data.preflight.aws.rds.snapshot_public as p

snapshot(extra) := object.union({"id": "aws_db_snapshot.nightly", "label": "nightly", "unknown": [], "kind": "instance"}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"aws": {"rds": {"snapshots": [s]}}}
}

test_public_snapshot_denied if {
	results := deny_for(snapshot({"shared_accounts": ["all"]}))
	count(results) == 1
	some r in results
	r.path == "shared_accounts"
	r.message == "RDS DB snapshot `nightly` is shared with every AWS account"
}

test_public_cluster_snapshot_denied if {
	results := deny_for(snapshot({"kind": "cluster", "shared_accounts": ["111122223333", "all"]}))
	some r in results
	r.message == "RDS DB cluster snapshot `nightly` is shared with every AWS account"
}

test_named_accounts_allowed if count(deny_for(snapshot({"shared_accounts": ["111122223333"]}))) == 0

# Left out, the adapter fills [].
test_left_out_allowed if count(deny_for(snapshot({"shared_accounts": []}))) == 0

test_unknown_silent if count(deny_for(snapshot({"unknown": ["shared_accounts"]}))) == 0
