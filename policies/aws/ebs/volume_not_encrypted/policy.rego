# METADATA
# title: EBS volume not encrypted
# description: |
#   An unencrypted EBS volume keeps its blocks, and every snapshot taken from it, in the clear. Snapshots
#   are easy to copy or share with another account by mistake, and whoever gets one can attach it and read
#   the file system. Encryption cannot be switched on for an existing volume; the data has to be copied to
#   a new encrypted volume.
# custom:
#   id: AWS-EBS-001
#   name: ebs-volume-not-encrypted
#   severity: medium
#   category: encryption
#   fix:
#     attribute: encrypted
#     value: true
#     property: Encrypted
#   recommended_action: |
#     Set `encrypted = true` on the aws_ebs_volume, optionally with `kms_key_id` pointing at a customer
#     managed KMS key. To cover every new volume in the region, add an aws_ebs_encryption_by_default resource
#     with `enabled = true`.
#   recommended_action_cloudformation: |
#     Set `Encrypted: true` on the `AWS::EC2::Volume`, optionally with `KmsKeyId`, or turn on EBS
#     encryption by default for the account and region.
#   frameworks:
#     - AWS Foundational Security Best Practices EC2.3
package preflight.aws.ebs.volume_not_encrypted

import data.preflight.lib

deny contains lib.result(v, "encrypted", msg) if {
	some v in input.aws.ebs.volumes
	v.encrypted == false
	msg := sprintf("EBS volume `%s` is not encrypted", [v.label])
}
