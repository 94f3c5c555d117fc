package preflight.aws.docdb.storage_not_encrypted_test

import data.preflight.aws.docdb.storage_not_encrypted as p

cluster(extra) := object.union({"id": "aws_docdb_cluster.catalog", "label": "catalog", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"docdb": {"clusters": [c]}}}
}

test_unencrypted_denied if {
	results := deny_for(cluster({"storage_encrypted": false}))
	count(results) == 1
	some r in results
	r.path == "storage_encrypted"
	r.message == "DocumentDB cluster `catalog` stores data unencrypted"
}

test_encrypted_allowed if count(deny_for(cluster({"storage_encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0

# Left out, the adapter fills false.
test_left_out_denied if count(deny_for(cluster({"storage_encrypted": false}))) == 1

test_unknown_silent if count(deny_for(cluster({"unknown": ["storage_encrypted"]}))) == 0
