package preflight.aws.redshift.publicly_accessible_test

import data.preflight.aws.redshift.publicly_accessible as p

cluster(extra) := object.union({"id": "aws_redshift_cluster.warehouse", "label": "warehouse", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"redshift": {"clusters": [c]}}}
}

test_public_denied if {
	results := deny_for(cluster({"publicly_accessible": true}))
	count(results) == 1
	some r in results
	r.path == "publicly_accessible"
	r.message == "Redshift cluster `warehouse` is publicly accessible from the internet"
}

test_private_allowed if count(deny_for(cluster({"publicly_accessible": false}))) == 0

# Left out: the adapter fills the format's default (true for the AWS provider v5, false for
# CloudFormation); a cluster with no value at all is not judged.
test_absent_silent if count(deny_for(cluster({}))) == 0

test_unknown_silent if count(deny_for(cluster({"unknown": ["publicly_accessible"]}))) == 0
