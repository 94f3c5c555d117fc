# METADATA
# title: EBS volume not encrypted with a customer managed key
# description: |
#   An encrypted EBS volume that names no KMS key uses the region's default EBS key, which is the AWS
#   managed key `aws/ebs` unless the account has chosen another one. The blocks are encrypted either way,
#   but with the AWS managed key you cannot limit in a key policy who may decrypt the volume and its
#   snapshots, cannot disable the key to lock every copy in an incident, and cannot share the snapshots
#   with another account. Low: the data is encrypted; what is missing is control over the key. An account
#   default key set outside the scanned code (aws_ebs_default_kms_key) is not visible to this check.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: AWS-EBS-006
#   name: ebs-volume-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_id` on the aws_ebs_volume to the ARN of a customer managed KMS key (with
#     `encrypted = true`), or set the account's default EBS key with aws_ebs_default_kms_key.
#   recommended_action_cloudformation: |
#     Set `KmsKeyId` on the `AWS::EC2::Volume` to a customer managed KMS key (with `Encrypted: true`).
#   frameworks: []
package preflight.aws.ebs.volume_no_customer_key

import data.preflight.lib

deny contains lib.result(v, "kms_key_id", msg) if {
	some v in input.aws.ebs.volumes
	v.encrypted == true
	no_customer_key(v)
	msg := sprintf("EBS volume `%s` is encrypted with the default EBS key, not a customer managed key", [v.label])
}

# No key is written; a key that could not be resolved (listed in `unknown`) may be a customer managed one.
no_customer_key(v) if {
	not v.kms_key_id
	not lib.is_unknown(v, "kms_key_id")
}

no_customer_key(v) if startswith(v.kms_key_id, "alias/aws/")
