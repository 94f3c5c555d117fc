package preflight.gcp.dataproc.cluster_public_ip_test

import data.preflight.gcp.dataproc.cluster_public_ip as p

cluster(extra) := object.union({"id": "google_dataproc_cluster.c", "label": "c", "unknown": []}, extra)

deny_for(c) := results if {
	results := p.deny with input as {"gcp": {"dataproc": {"clusters": [c]}}}
}

test_external_ips_denied if {
	results := deny_for(cluster({"internal_ip_only": false}))
	count(results) == 1
	some r in results
	r.path == "internal_ip_only"
}

test_internal_only_allowed if count(deny_for(cluster({"internal_ip_only": true}))) == 0

test_unknown_silent if count(deny_for(cluster({"unknown": ["internal_ip_only"]}))) == 0
