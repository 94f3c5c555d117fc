# METADATA
# title: MSK cluster not encrypted with a customer managed key
# description: |
#   MSK always encrypts broker volumes at rest, by default with the AWS managed key aws/kafka. With that
#   key you cannot write a key policy that limits who may decrypt the data, cannot disable the key to cut
#   off access in an incident, and cannot share encrypted data across accounts under your own terms.
#   Low: the data is already encrypted with an AWS key; only the control a customer managed key gives is
#   missing.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
# custom:
#   id: AWS-MSK-003
#   name: msk-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `encryption_info.encryption_at_rest_kms_key_arn` of the aws_msk_cluster to the ARN of a
#     customer managed KMS key (an aws_kms_key with rotation on). The key can only be chosen when the
#     cluster is created.
#   recommended_action_cloudformation: |
#     Set `EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId` of the `AWS::MSK::Cluster` to a customer
#     managed KMS key. Changing it replaces the cluster.
package preflight.aws.msk.no_customer_key

import data.preflight.lib

deny contains lib.result(c, "key_type", msg) if {
	some c in input.aws.msk.clusters
	c.key_type == "AWS_MANAGED"
	msg := sprintf("MSK cluster `%s` is encrypted at rest with the AWS managed key aws/kafka, not a customer managed key", [c.label])
}
