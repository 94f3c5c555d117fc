package preflight.aws.opensearch.https_not_enforced_test

import data.preflight.aws.opensearch.https_not_enforced as p

domain(extra) := object.union({"id": "aws_opensearch_domain.search", "label": "search", "unknown": [], "kind": "opensearch"}, extra)

deny_for(d) := results if {
	results := p.deny with input as {"aws": {"opensearch": {"domains": [d]}}}
}

test_http_denied if {
	results := deny_for(domain({"enforce_https": false}))
	count(results) == 1
	some r in results
	r.path == "enforce_https"
	r.message == "OpenSearch domain `search` accepts requests over plain HTTP"
}

test_https_allowed if count(deny_for(domain({"enforce_https": true}))) == 0

test_unknown_silent if count(deny_for(domain({"unknown": ["enforce_https"]}))) == 0
