package preflight.aws.ebs.volume_not_encrypted_test

import data.preflight.aws.ebs.volume_not_encrypted as p

volume(extra) := object.union({"id": "aws_ebs_volume.data", "label": "data", "unknown": [], "size": 100}, extra)

deny_for(v) := results if {
	results := p.deny with input as {"aws": {"ebs": {"volumes": [v]}}}
}

test_unencrypted_denied if {
	results := deny_for(volume({"encrypted": false}))
	count(results) == 1
	some r in results
	r.id == "aws_ebs_volume.data"
	r.path == "encrypted"
	r.message == "EBS volume `data` is not encrypted"
}

test_encrypted_allowed if count(deny_for(volume({"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abc"}))) == 0

# Left out: false is filled in (or true when encryption by default is on in the module).
test_left_out_default_denied if count(deny_for(volume({"encrypted": false}))) == 1

# Restored from a snapshot without saying: absent, not unknown, and silent.
test_from_snapshot_silent if count(deny_for(volume({}))) == 0

test_unknown_silent if count(deny_for(volume({"unknown": ["encrypted"]}))) == 0
