package preflight.aws.opensearch.node_to_node_encryption_off_test

import data.preflight.aws.opensearch.node_to_node_encryption_off as p

domain(extra) := object.union({"id": "aws_opensearch_domain.search", "label": "search", "unknown": [], "kind": "opensearch"}, extra)

deny_for(d) := results if {
	results := p.deny with input as {"aws": {"opensearch": {"domains": [d]}}}
}

test_off_denied if {
	results := deny_for(domain({"node_to_node_encryption": false}))
	count(results) == 1
	some r in results
	r.path == "node_to_node_encryption"
	r.message == "OpenSearch domain `search` sends data between its nodes unencrypted"
}

test_on_allowed if count(deny_for(domain({"node_to_node_encryption": true}))) == 0

test_unknown_silent if count(deny_for(domain({"unknown": ["node_to_node_encryption"]}))) == 0
