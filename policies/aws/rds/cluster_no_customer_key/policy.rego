# METADATA
# title: RDS cluster not encrypted with a customer managed key
# description: |
#   An encrypted Aurora or Multi-AZ DB cluster that names no KMS key uses the AWS managed key `aws/rds`.
#   The storage, backups and snapshots are encrypted either way, but with the AWS managed key you cannot
#   restrict in a key policy who may decrypt them, cannot disable the key to cut off every copy in an
#   incident, and cannot share encrypted snapshots with another account. The key cannot be changed once
#   the cluster exists. Low: the data is encrypted; what is missing is control over the key.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html
# custom:
#   id: AWS-RDS-004
#   name: rds-cluster-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_id` on the aws_rds_cluster to the ARN of a customer managed KMS key (with
#     `storage_encrypted = true`). An existing cluster keeps its key: restore a snapshot copy made with the
#     new key into a new cluster.
#   recommended_action_cloudformation: |
#     Set `KmsKeyId` on the `AWS::RDS::DBCluster` to a customer managed KMS key (with
#     `StorageEncrypted: true`); changing it replaces the cluster.
#   frameworks: []
package preflight.aws.rds.cluster_no_customer_key

import data.preflight.lib

deny contains lib.result(c, "kms_key_id", msg) if {
	some c in input.aws.rds.clusters
	c.storage_encrypted == true
	no_customer_key(c)
	msg := sprintf("RDS cluster `%s` is encrypted with the AWS managed key, not a customer managed key", [c.label])
}

# No key is written; a key that could not be resolved (listed in `unknown`) may be a customer managed one.
no_customer_key(c) if {
	not c.kms_key_id
	not lib.is_unknown(c, "kms_key_id")
}

no_customer_key(c) if startswith(c.kms_key_id, "alias/aws/")
