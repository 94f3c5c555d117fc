package preflight.aws.ebs.snapshot_not_encrypted_test

import data.preflight.aws.ebs.snapshot_not_encrypted as p

snapshot(extra) := object.union({"id": "aws_ebs_snapshot.nightly", "label": "nightly", "unknown": [], "copy": false}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"aws": {"ebs": {"snapshots": [s]}}}
}

test_snapshot_of_unencrypted_volume_denied if {
	results := deny_for(snapshot({"encrypted": false}))
	count(results) == 1
	some r in results
	r.path == "encrypted"
	r.message == "EBS snapshot `nightly` is taken of an unencrypted volume, so it is not encrypted"
}

test_snapshot_of_encrypted_volume_allowed if count(deny_for(snapshot({"encrypted": true}))) == 0

test_copy_without_encryption_denied if {
	results := deny_for(snapshot({"id": "aws_ebs_snapshot_copy.dr", "label": "dr", "copy": true, "encrypted": false}))
	some r in results
	r.message == "EBS snapshot copy `dr` does not ask for encryption"
}

test_encrypted_copy_allowed if count(deny_for(snapshot({"copy": true, "encrypted": true}))) == 0

test_volume_elsewhere_silent if count(deny_for(snapshot({"unknown": ["encrypted"]}))) == 0

test_unknown_copy_silent if count(deny_for(snapshot({"copy": true, "unknown": ["encrypted"]}))) == 0
