# METADATA
# title: Redshift cluster with encryption at rest turned off
# description: |
#   AWS encrypts every new Redshift cluster, but `encrypted = false` asks for the opposite: an existing
#   unencrypted cluster stays that way, and an encrypted one is migrated to plain storage (the AWS
#   provider modifies the cluster until it matches), with every snapshot taken from then on unencrypted
#   too. Anyone who obtains a snapshot copy or the underlying storage reads the warehouse without a key
#   to ask for. High: a data warehouse usually holds regulated data, and encryption here costs nothing.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
# custom:
#   id: AWS-REDSHIFT-002
#   name: redshift-cluster-not-encrypted
#   severity: high
#   category: encryption
#   fix:
#     attribute: encrypted
#     value: true
#     property: Encrypted
#   recommended_action: |
#     Set `encrypted = true` on the aws_redshift_cluster, with `kms_key_id` naming a customer managed KMS
#     key. Changing it on an existing cluster migrates the data to an encrypted cluster in place.
#   recommended_action_cloudformation: |
#     Set `Encrypted: true` (or remove it, encryption is the default) and `KmsKeyId` on the
#     `AWS::Redshift::Cluster`.
#   frameworks:
#     - AWS Foundational Security Best Practices Redshift.10
package preflight.aws.redshift.not_encrypted

import data.preflight.lib

deny contains lib.result(c, "encrypted", msg) if {
	some c in input.aws.redshift.clusters
	c.encrypted == false
	msg := sprintf("Redshift cluster `%s` has encryption at rest turned off", [c.label])
}
