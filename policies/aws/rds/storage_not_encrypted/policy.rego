# METADATA
# title: RDS database storage not encrypted
# description: |
#   Without storage encryption, an RDS instance's or Aurora cluster's data files, automated backups, read
#   replicas and snapshots are written to disk in the clear. Anyone who obtains a snapshot copy or the
#   underlying storage can read every row, and compliance regimes that demand encryption at rest are not
#   met. Encryption can only be chosen when the database is created: turning it on later means restoring a
#   snapshot copy into a new, encrypted database.
# custom:
#   id: AWS-RDS-001
#   name: rds-storage-not-encrypted
#   severity: high
#   category: encryption
#   fix:
#     attribute: storage_encrypted
#     value: true
#     property: StorageEncrypted
#   recommended_action: |
#     Set `storage_encrypted = true` on the aws_db_instance or aws_rds_cluster, and optionally `kms_key_id`
#     to a customer managed KMS key so you control key policy and rotation. For an existing database, copy a
#     snapshot with encryption turned on and restore from it, since the setting cannot be changed in place.
#   recommended_action_cloudformation: |
#     Set `StorageEncrypted: true` on the `AWS::RDS::DBInstance` or `AWS::RDS::DBCluster`, optionally
#     with `KmsKeyId` for a customer managed key. Changing it replaces the database: restore an
#     encrypted copy of a snapshot into the new one.
#   frameworks:
#     - CIS AWS Foundations 2.3.1
#     - AWS Foundational Security Best Practices RDS.3, RDS.27
package preflight.aws.rds.storage_not_encrypted

import data.preflight.lib

deny contains lib.result(db, "storage_encrypted", msg) if {
	some db in input.aws.rds.instances
	db.storage_encrypted == false
	msg := sprintf("RDS instance `%s` stores data unencrypted", [db.label])
}

deny contains lib.result(c, "storage_encrypted", msg) if {
	some c in input.aws.rds.clusters
	c.storage_encrypted == false
	msg := sprintf("RDS cluster `%s` stores data unencrypted", [c.label])
}
