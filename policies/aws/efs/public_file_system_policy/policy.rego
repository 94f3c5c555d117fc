# METADATA
# title: EFS file system policy open to everyone
# description: |
#   A file system policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition
#   limiting the caller to an account, organization, VPC or mount target lets any AWS identity that
#   reaches the file system over the network mount it with IAM authorization, including from other
#   accounts' VPCs peered or shared with yours; with `ClientRootAccess` it acts as root on every file.
#   A written policy is meant to be the second gate after the network, and this one opens it. Medium:
#   a caller still needs a network path to a mount target. `elasticfilesystem:AccessedViaMountTarget`
#   counts as narrowing, as in AWS's own default policy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html
# custom:
#   id: AWS-EFS-003
#   name: efs-file-system-public-policy
#   severity: medium
#   category: public-access
#   recommended_action: |
#     In the `policy` of the aws_efs_file_system_policy, name the roles that mount the file system as
#     principals, or add a condition on `aws:PrincipalAccount`, `aws:SourceVpc` or
#     `elasticfilesystem:AccessedViaMountTarget`.
#   recommended_action_cloudformation: |
#     In the `FileSystemPolicy` of the `AWS::EFS::FileSystem`, name the roles that mount the file system
#     as principals, or add a `Condition` on `aws:PrincipalAccount` or
#     `elasticfilesystem:AccessedViaMountTarget`.
package preflight.aws.efs.public_file_system_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [
	["mount and read the file system", ["elasticfilesystem:ClientMount"]],
	["write to it", ["elasticfilesystem:ClientWrite"]],
	["act as root on it", ["elasticfilesystem:ClientRootAccess"]],
	["change its policy", ["elasticfilesystem:PutFileSystemPolicy", "elasticfilesystem:DeleteFileSystemPolicy"]],
	["delete it", ["elasticfilesystem:DeleteFileSystem"]],
]

keys := {"elasticfilesystem:accessedviamounttarget"}

deny contains lib.result(fs, path, msg) if {
	some fs in input.aws.efs.file_systems
	some i, stmt in fs.policy.statements
	path := rp.open_statement(fs, i, stmt, keys)
	msg := sprintf("EFS file system `%s` has a policy that lets anyone %s", [fs.label, rp.describe(stmt, abilities)])
}
