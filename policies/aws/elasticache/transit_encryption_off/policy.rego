# METADATA
# title: ElastiCache replication group without encryption in transit
# description: |
#   Without in-transit encryption, clients talk to the replication group in plain Valkey/Redis protocol:
#   every key, value and command crosses the network readable, and an AUTH token cannot even be set
#   (it requires TLS). Anyone able to capture or redirect traffic in the VPC sees the cached sessions and
#   records. Medium: the endpoint is private to the VPC, but nothing protects the data on its way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html
# custom:
#   id: AWS-ELASTICACHE-002
#   name: elasticache-transit-encryption-off
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `transit_encryption_enabled = true` on the aws_elasticache_replication_group (and, once the
#     clients use TLS, `transit_encryption_mode = "required"`); add an `auth_token` or RBAC user group.
#   recommended_action_cloudformation: |
#     Set `TransitEncryptionEnabled: true` (and `TransitEncryptionMode: required`) on the
#     `AWS::ElastiCache::ReplicationGroup`.
#   frameworks:
#     - AWS Foundational Security Best Practices ElastiCache.5
package preflight.aws.elasticache.transit_encryption_off

import data.preflight.lib

deny contains lib.result(g, "transit_encryption_enabled", msg) if {
	some g in input.aws.elasticache.replication_groups
	g.transit_encryption_enabled == false
	msg := sprintf("ElastiCache replication group `%s` accepts unencrypted connections", [g.label])
}
