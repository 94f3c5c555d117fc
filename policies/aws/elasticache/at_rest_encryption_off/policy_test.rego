package preflight.aws.elasticache.at_rest_encryption_off_test

import data.preflight.aws.elasticache.at_rest_encryption_off as p

group(extra) := object.union({"id": "aws_elasticache_replication_group.sessions", "label": "sessions", "unknown": [], "engine": "redis"}, extra)

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"elasticache": {"replication_groups": [g]}}}
}

test_unencrypted_denied if {
	results := deny_for(group({"at_rest_encryption_enabled": false}))
	count(results) == 1
	some r in results
	r.path == "at_rest_encryption_enabled"
	r.message == "ElastiCache replication group `sessions` is not encrypted at rest"
}

test_encrypted_allowed if count(deny_for(group({"at_rest_encryption_enabled": true}))) == 0

# Left out on Valkey: the adapter fills the engine's default, true.
test_valkey_default_allowed if count(deny_for(group({"engine": "valkey", "at_rest_encryption_enabled": true}))) == 0

test_unknown_silent if count(deny_for(group({"unknown": ["at_rest_encryption_enabled"]}))) == 0
