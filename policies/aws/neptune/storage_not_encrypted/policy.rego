# METADATA
# title: Neptune cluster storage not encrypted
# description: |
#   Neptune encrypts a cluster's storage only when asked at creation: without storage encryption the graph
#   data, its automated backups and snapshots and its replicas are stored in the clear, and anyone who
#   obtains a snapshot copy can read them. The setting cannot be changed later; fixing it means restoring
#   into a new, encrypted cluster. High: the service does not encrypt by default and the data is often
#   sensitive (identity graphs, fraud rings, knowledge graphs).
#   A manual cluster snapshot (aws_neptune_cluster_snapshot) has no encryption setting of its own: it is
#   encrypted exactly when its source cluster is, so a snapshot of an unencrypted cluster in the scanned
#   code is reported too, at its `db_cluster_identifier`; a snapshot of a cluster outside the code is
#   left undecided. CloudFormation has no Neptune snapshot resource.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html
# custom:
#   id: AWS-NEPTUNE-001
#   name: neptune-storage-not-encrypted
#   severity: high
#   category: encryption
#   fix:
#     attribute: storage_encrypted
#     value: true
#     property: StorageEncrypted
#   recommended_action: |
#     Set `storage_encrypted = true` on the aws_neptune_cluster, and `kms_key_arn` to a customer managed
#     KMS key to control who can decrypt. For an existing cluster, restore an encrypted copy of a snapshot
#     into a new cluster.
#   recommended_action_cloudformation: |
#     Set `StorageEncrypted: true` on the `AWS::Neptune::DBCluster`, optionally with `KmsKeyId`. Changing
#     it replaces the cluster.
#   frameworks:
#     - AWS Foundational Security Best Practices Neptune.1
package preflight.aws.neptune.storage_not_encrypted

import data.preflight.lib

deny contains lib.result(c, "storage_encrypted", msg) if {
	some c in input.aws.neptune.clusters
	c.storage_encrypted == false
	msg := sprintf("Neptune cluster `%s` stores data unencrypted", [c.label])
}

deny contains lib.result(s, "storage_encrypted", msg) if {
	some s in input.aws.neptune.cluster_snapshots
	s.storage_encrypted == false
	msg := sprintf("Neptune cluster snapshot `%s` is not encrypted: its source cluster `%s` stores data unencrypted", [s.label, s.cluster])
}
