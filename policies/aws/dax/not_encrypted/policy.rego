# METADATA
# title: DAX cluster not encrypted at rest
# description: |
#   DynamoDB always encrypts its tables, but a DAX cluster in front of them does not encrypt the items it
#   caches and replicates between nodes unless server-side encryption is turned on when it is created.
#   The cached copies of the table data then sit on the nodes' disks in the clear. Encryption cannot be
#   added later; fixing it means creating a new cluster. High: DAX does not encrypt by default, and it
#   holds the same data as the encrypted tables behind it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html
# custom:
#   id: AWS-DAX-001
#   name: dax-not-encrypted
#   severity: high
#   category: encryption
#   recommended_action: |
#     Add `server_side_encryption { enabled = true }` to the aws_dax_cluster. The setting forces a new
#     cluster: create it, move clients to its endpoint, then remove the old one.
#   recommended_action_cloudformation: |
#     Set `SSESpecification: {SSEEnabled: true}` on the `AWS::DAX::Cluster`. Changing it replaces the
#     cluster.
#   frameworks:
#     - AWS Foundational Security Best Practices DynamoDB.3
package preflight.aws.dax.not_encrypted

import data.preflight.lib

deny contains lib.result(c, "encrypted", msg) if {
	some c in input.aws.dax.clusters
	c.encrypted == false
	msg := sprintf("DAX cluster `%s` stores cached items unencrypted", [c.label])
}
