# METADATA
# title: Redshift cluster not encrypted with a customer managed key
# description: |
#   A cluster encrypted without a KMS key of the account uses a key AWS owns or manages. Its data is
#   encrypted either way, but you cannot restrict in a key policy who may decrypt it, cannot disable the
#   key to cut off access to the cluster and every snapshot in an incident, and cannot share encrypted
#   snapshots with another account. Low: the data is already encrypted; what is missing is control.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
# custom:
#   id: AWS-REDSHIFT-003
#   name: redshift-cluster-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_id` on the aws_redshift_cluster to the ARN of a customer managed KMS key (with
#     `encrypted = true`).
#   recommended_action_cloudformation: |
#     Set `KmsKeyId` on the `AWS::Redshift::Cluster` to a customer managed KMS key (with `Encrypted: true`).
#   frameworks: []
package preflight.aws.redshift.no_customer_key

import data.preflight.lib

deny contains lib.result(c, "kms_key_id", msg) if {
	some c in input.aws.redshift.clusters
	c.encrypted == true
	no_key(c)
	msg := sprintf("Redshift cluster `%s` is encrypted with an AWS key, not a customer managed key", [c.label])
}

# No key is written; a key that could not be resolved (listed in `unknown`) may be a customer managed one.
no_key(c) if {
	not c.kms_key_id
	not lib.is_unknown(c, "kms_key_id")
}
