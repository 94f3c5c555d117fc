package preflight.aws.dax.endpoint_not_tls_test

import data.preflight.aws.dax.endpoint_not_tls as p

cluster(extra) := object.union({"id": "aws_dax_cluster.sessions", "label": "sessions", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"dax": {"clusters": [c]}}}
}

test_plain_endpoint_denied if {
	results := deny_for(cluster({"endpoint_encryption": "NONE"}))
	count(results) == 1
	some r in results
	r.path == "endpoint_encryption"
	r.message == "DAX cluster `sessions` serves clients over an unencrypted endpoint"
}

test_tls_allowed if count(deny_for(cluster({"endpoint_encryption": "TLS"}))) == 0

# Left out, the adapter fills NONE.
test_left_out_denied if count(deny_for(cluster({"endpoint_encryption": "NONE", "encrypted": true}))) == 1

test_unknown_silent if count(deny_for(cluster({"unknown": ["endpoint_encryption"]}))) == 0
