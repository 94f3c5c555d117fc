package preflight.aws.msk.public_access_test

import data.preflight.aws.msk.public_access as p

cluster(extra) := object.union({"id": "aws_msk_cluster.events", "label": "events", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"aws": {"msk": {"clusters": [c]}}}
}

test_public_brokers_denied if {
	results := deny_for(cluster({"public_access": "SERVICE_PROVIDED_EIPS"}))
	count(results) == 1
	some r in results
	r.path == "public_access"
	r.message == "MSK cluster `events` gives its brokers public IP addresses reachable from the internet"
}

test_disabled_allowed if count(deny_for(cluster({"public_access": "DISABLED"}))) == 0

# Left out, the adapter fills the default: DISABLED.
test_left_out_default_allowed if count(deny_for(cluster({"public_access": "DISABLED", "client_broker": "TLS"}))) == 0

test_unknown_silent if count(deny_for(cluster({"unknown": ["public_access"]}))) == 0
