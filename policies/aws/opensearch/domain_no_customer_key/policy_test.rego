package preflight.aws.opensearch.domain_no_customer_key_test

import data.preflight.aws.opensearch.domain_no_customer_key as p

domain(extra) := object.union({"id": "aws_opensearch_domain.logs", "label": "logs", "unknown": []}, extra)

deny_for(d) := results if {
	results := p.deny with input as {"aws": {"opensearch": {"domains": [d]}}}
}

# Left out: encryption on, no key named.
test_no_key_denied if {
	results := deny_for(domain({"encrypt_at_rest": true}))
	count(results) == 1
	some r in results
	r.path == "encrypt_at_rest"
	r.message == "OpenSearch domain `logs` is encrypted at rest with the AWS managed key aws/es, not a customer managed key"
}

test_aws_alias_denied if {
	results := deny_for(domain({"encrypt_at_rest": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/es"}))
	some r in results
	r.path == "kms_key_id"
}

test_customer_key_allowed if count(deny_for(domain({"encrypt_at_rest": true, "kms_key_id": "alias/search-logs"}))) == 0

# Not encrypted at all is AWS-OPENSEARCH-002's finding.
test_not_encrypted_silent if count(deny_for(domain({"encrypt_at_rest": false}))) == 0

test_unknown_key_silent if count(deny_for(domain({"encrypt_at_rest": true, "unknown": ["kms_key_id"]}))) == 0
