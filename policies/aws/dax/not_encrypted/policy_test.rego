package preflight.aws.dax.not_encrypted_test

import data.preflight.aws.dax.not_encrypted as p

cluster(extra) := object.union({"id": "aws_dax_cluster.sessions", "label": "sessions", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"dax": {"clusters": [c]}}}
}

test_unencrypted_denied if {
	results := deny_for(cluster({"encrypted": false}))
	count(results) == 1
	some r in results
	r.path == "encrypted"
	r.message == "DAX cluster `sessions` stores cached items unencrypted"
}

test_encrypted_allowed if count(deny_for(cluster({"encrypted": true}))) == 0

# Left out, the adapter fills false.
test_left_out_denied if count(deny_for(cluster({"encrypted": false, "endpoint_encryption": "TLS"}))) == 1

test_unknown_silent if count(deny_for(cluster({"unknown": ["encrypted"]}))) == 0
