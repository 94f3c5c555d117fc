# METADATA
# title: ElastiCache replication group not encrypted at rest
# description: |
#   A Redis OSS replication group keeps its data on disk in plain form (swap, append-only files,
#   backups exported to S3) unless at-rest encryption is chosen when it is created; it cannot be added
#   later. Caches hold sessions, tokens and copies of database rows. Medium: the service does not
#   encrypt by default, but the data on disk is reachable only through AWS's storage and backups.
#   Valkey groups are encrypted unless told otherwise; Memcached clusters cannot be encrypted at rest
#   and are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html
# custom:
#   id: AWS-ELASTICACHE-001
#   name: elasticache-at-rest-encryption-off
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `at_rest_encryption_enabled = true` on the aws_elasticache_replication_group (with `kms_key_id`
#     for a customer managed key). Existing groups must be recreated, for example from a backup.
#   recommended_action_cloudformation: |
#     Set `AtRestEncryptionEnabled: true` (and `KmsKeyId`) on the `AWS::ElastiCache::ReplicationGroup`.
#   frameworks:
#     - AWS Foundational Security Best Practices ElastiCache.4
package preflight.aws.elasticache.at_rest_encryption_off

import data.preflight.lib

deny contains lib.result(g, "at_rest_encryption_enabled", msg) if {
	some g in input.aws.elasticache.replication_groups
	g.at_rest_encryption_enabled == false
	msg := sprintf("ElastiCache replication group `%s` is not encrypted at rest", [g.label])
}
