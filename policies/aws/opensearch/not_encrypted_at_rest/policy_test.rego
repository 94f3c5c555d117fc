package preflight.aws.opensearch.not_encrypted_at_rest_test

import data.preflight.aws.opensearch.not_encrypted_at_rest as p

domain(extra) := object.union({"id": "aws_opensearch_domain.search", "label": "search", "unknown": [], "kind": "opensearch"}, extra)

deny_for(d) := results if {
	results := p.deny with input as {"aws": {"opensearch": {"domains": [d]}}}
}

test_unencrypted_denied if {
	results := deny_for(domain({"encrypt_at_rest": false}))
	count(results) == 1
	some r in results
	r.path == "encrypt_at_rest"
	r.message == "OpenSearch domain `search` is not encrypted at rest"
}

test_encrypted_allowed if count(deny_for(domain({"encrypt_at_rest": true}))) == 0

test_elasticsearch_named if {
	some r in deny_for(domain({"encrypt_at_rest": false, "kind": "elasticsearch"}))
	r.message == "Elasticsearch domain `search` is not encrypted at rest"
}

test_unknown_silent if count(deny_for(domain({"unknown": ["encrypt_at_rest"]}))) == 0
