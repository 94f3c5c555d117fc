# METADATA
# title: DocumentDB cluster storage not encrypted
# description: |
#   DocumentDB encrypts a cluster created through the API, Terraform or CloudFormation only when storage
#   encryption is asked for (the console is the exception). Without it the documents, indexes, logs,
#   automated backups and snapshots are stored in the clear, and anyone who obtains a snapshot copy can
#   read them. Encryption cannot be turned on later; fixing it means restoring into a new, encrypted
#   cluster. High: the API does not encrypt by default and document stores usually hold application and
#   customer records.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html
# custom:
#   id: AWS-DOCDB-001
#   name: docdb-storage-not-encrypted
#   severity: high
#   category: encryption
#   fix:
#     attribute: storage_encrypted
#     value: true
#     property: StorageEncrypted
#   recommended_action: |
#     Set `storage_encrypted = true` on the aws_docdb_cluster, and `kms_key_id` to a customer managed KMS
#     key to control who can decrypt. For an existing cluster, restore a snapshot into a new cluster with
#     encryption turned on.
#   recommended_action_cloudformation: |
#     Set `StorageEncrypted: true` on the `AWS::DocDB::DBCluster`, optionally with `KmsKeyId`. Changing it
#     replaces the cluster.
#   frameworks:
#     - AWS Foundational Security Best Practices DocumentDB.1
package preflight.aws.docdb.storage_not_encrypted

import data.preflight.lib

deny contains lib.result(c, "storage_encrypted", msg) if {
	some c in input.aws.docdb.clusters
	c.storage_encrypted == false
	msg := sprintf("DocumentDB cluster `%s` stores data unencrypted", [c.label])
}
