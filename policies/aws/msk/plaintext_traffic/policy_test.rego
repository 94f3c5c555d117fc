package preflight.aws.msk.plaintext_traffic_test

import data.preflight.aws.msk.plaintext_traffic as p

cluster(extra) := object.union(
	{"id": "aws_msk_cluster.events", "label": "events", "unknown": [], "client_broker": "TLS", "in_cluster_encryption": true},
	extra,
)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"msk": {"clusters": [c]}}}
}

test_plaintext_clients_denied if {
	results := deny_for(cluster({"client_broker": "PLAINTEXT"}))
	count(results) == 1
	some r in results
	r.path == "client_broker"
	r.message == "MSK cluster `events` accepts plaintext connections from clients (client_broker PLAINTEXT)"
}

test_mixed_listeners_denied if count(deny_for(cluster({"client_broker": "TLS_PLAINTEXT"}))) == 1

test_in_cluster_plaintext_denied if {
	results := deny_for(cluster({"in_cluster_encryption": false}))
	count(results) == 1
	some r in results
	r.path == "in_cluster_encryption"
}

test_both_denied if count(deny_for(cluster({"client_broker": "PLAINTEXT", "in_cluster_encryption": false}))) == 2

# The defaults the adapter fills when nothing is written: TLS everywhere.
test_tls_allowed if count(deny_for(cluster({}))) == 0

test_unknown_silent if {
	c := {"id": "aws_msk_cluster.events", "label": "events", "unknown": ["client_broker", "in_cluster_encryption"]}
	count(deny_for(c)) == 0
}
