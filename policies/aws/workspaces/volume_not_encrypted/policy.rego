# METADATA
# title: WorkSpaces volume not encrypted
# description: |
#   A WorkSpace's root volume holds the operating system, caches and browser profiles; its user volume
#   holds the user's documents and downloads. WorkSpaces does not encrypt either unless asked at creation,
#   and encryption cannot be added later without rebuilding the WorkSpace. Medium, like an unencrypted
#   EBS volume: the service does not encrypt on its own.
# related_resources:
#   - ref: https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
# custom:
#   id: AWS-WORKSPACES-001
#   name: workspaces-volume-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `root_volume_encryption_enabled = true` and `user_volume_encryption_enabled = true` on the
#     aws_workspaces_workspace, with `volume_encryption_key` set to a symmetric KMS key (the WorkSpace is
#     replaced).
#   recommended_action_cloudformation: |
#     Set `RootVolumeEncryptionEnabled: true` and `UserVolumeEncryptionEnabled: true` on the
#     `AWS::WorkSpaces::Workspace`, with `VolumeEncryptionKey` (a change also needs a replacement, such as
#     a new `UserName`).
#   frameworks:
#     - AWS Foundational Security Best Practices WorkSpaces.1
#     - AWS Foundational Security Best Practices WorkSpaces.2
package preflight.aws.workspaces.volume_not_encrypted

import data.preflight.lib

deny contains lib.result(w, "root_volume_encryption_enabled", msg) if {
	some w in input.aws.workspaces.workspaces
	w.root_volume_encryption_enabled == false
	msg := sprintf("WorkSpace `%s` does not encrypt its root volume", [w.label])
}

deny contains lib.result(w, "user_volume_encryption_enabled", msg) if {
	some w in input.aws.workspaces.workspaces
	w.user_volume_encryption_enabled == false
	msg := sprintf("WorkSpace `%s` does not encrypt its user volume", [w.label])
}
