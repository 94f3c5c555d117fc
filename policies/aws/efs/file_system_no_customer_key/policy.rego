# METADATA
# title: EFS file system encrypted without a customer managed key
# description: |
#   An encrypted EFS file system that names no KMS key uses the AWS managed key `aws/elasticfilesystem`,
#   whose key policy you cannot change: any principal of the account that may mount the file system can
#   use it, the key cannot be disabled to cut off access, and it cannot be shared for cross-account
#   replication. A customer managed key gives those controls. The data is already encrypted with an AWS
#   key, which is why this is a low finding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
# custom:
#   id: AWS-EFS-002
#   name: efs-file-system-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_id` on the aws_efs_file_system to the ARN of a customer managed KMS key (this replaces
#     the file system: copy its data to the new one).
#   recommended_action_cloudformation: |
#     Set `KmsKeyId` on the `AWS::EFS::FileSystem` to a customer managed KMS key (this replaces the file
#     system).
package preflight.aws.efs.file_system_no_customer_key

import data.preflight.lib

deny contains lib.result(f, "key_type", msg) if {
	some f in input.aws.efs.file_systems
	f.encrypted == true
	f.key_type == "AWS_MANAGED"
	msg := sprintf("EFS file system `%s` is encrypted with the AWS managed key aws/elasticfilesystem, not a customer managed key", [f.label])
}
