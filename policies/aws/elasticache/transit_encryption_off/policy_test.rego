package preflight.aws.elasticache.transit_encryption_off_test

import data.preflight.aws.elasticache.transit_encryption_off as p

group(extra) := object.union({"id": "aws_elasticache_replication_group.sessions", "label": "sessions", "unknown": [], "engine": "redis"}, extra)

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"elasticache": {"replication_groups": [g]}}}
}

test_plaintext_denied if {
	results := deny_for(group({"transit_encryption_enabled": false}))
	count(results) == 1
	some r in results
	r.path == "transit_encryption_enabled"
	r.message == "ElastiCache replication group `sessions` accepts unencrypted connections"
}

test_tls_allowed if count(deny_for(group({"transit_encryption_enabled": true}))) == 0

test_unknown_silent if count(deny_for(group({"unknown": ["transit_encryption_enabled"]}))) == 0
