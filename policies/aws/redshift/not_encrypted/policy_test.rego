package preflight.aws.redshift.not_encrypted_test

import data.preflight.aws.redshift.not_encrypted as p

cluster(extra) := object.union({"id": "aws_redshift_cluster.warehouse", "label": "warehouse", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"redshift": {"clusters": [c]}}}
}

test_unencrypted_denied if {
	results := deny_for(cluster({"encrypted": false}))
	count(results) == 1
	some r in results
	r.path == "encrypted"
	r.message == "Redshift cluster `warehouse` has encryption at rest turned off"
}

test_encrypted_allowed if count(deny_for(cluster({"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0

# Left out: AWS encrypts new clusters, so the adapter fills `encrypted: true`.
test_left_out_default_allowed if count(deny_for(cluster({"encrypted": true}))) == 0

# Restored from a snapshot without saying: absent and unknown.
test_unknown_silent if count(deny_for(cluster({"unknown": ["encrypted"]}))) == 0
