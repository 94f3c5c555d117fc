# METADATA
# title: EFS file system not encrypted at rest
# description: |
#   EFS does not encrypt a file system unless encryption is chosen when it is created, and it cannot be
#   turned on later without copying the data to a new file system. File systems hold shared application
#   data, user uploads and home directories, kept indefinitely. Without encryption the stored files and
#   their metadata are not protected by any key. It is high because the data is long-lived and the gap
#   can only be closed by a migration.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
# custom:
#   id: AWS-EFS-001
#   name: efs-file-system-not-encrypted
#   severity: high
#   category: encryption
#   fix:
#     attribute: encrypted
#     value: true
#     property: Encrypted
#   recommended_action: |
#     Set `encrypted = true` on the aws_efs_file_system, with `kms_key_id` for a customer managed key
#     (this replaces the file system: copy its data to the new one).
#   recommended_action_cloudformation: |
#     Set `Encrypted: true` on the `AWS::EFS::FileSystem`, with `KmsKeyId` for a customer managed key
#     (this replaces the file system).
#   frameworks:
#     - AWS Foundational Security Best Practices EFS.1
package preflight.aws.efs.file_system_not_encrypted

import data.preflight.lib

deny contains lib.result(f, "encrypted", msg) if {
	some f in input.aws.efs.file_systems
	f.encrypted == false
	msg := sprintf("EFS file system `%s` is not encrypted at rest", [f.label])
}
