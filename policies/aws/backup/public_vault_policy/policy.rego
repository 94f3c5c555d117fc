# METADATA
# title: Backup vault policy open to everyone
# description: |
#   A backup vault access policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition
#   limiting the caller to an account or organization lets every AWS account act on the vault's
#   recovery points. Depending on the actions, anyone can copy your backups into their account (a full
#   copy of your databases and volumes), or delete them, which removes the copy you would restore from
#   after ransomware. High: backups hold all of the data, and deleting them removes the way back.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html
# custom:
#   id: AWS-BACKUP-002
#   name: backup-vault-public-policy
#   severity: high
#   category: public-access
#   recommended_action: |
#     In the `policy` of the aws_backup_vault_policy, name the accounts that copy into the vault as
#     principals, or add a `StringEquals` condition on `aws:PrincipalOrgID`; prefer `Deny` statements for
#     `backup:DeleteRecoveryPoint`.
#   recommended_action_cloudformation: |
#     In the `AccessPolicy` of the `AWS::Backup::BackupVault`, name the accounts that copy into the vault
#     as principals, or add a `Condition` on `aws:PrincipalOrgID`.
package preflight.aws.backup.public_vault_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [
	["copy recovery points out", ["backup:CopyFromBackupVault", "backup:StartRestoreJob"]],
	["copy recovery points in", ["backup:CopyIntoBackupVault"]],
	["delete recovery points", ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"]],
	["change the vault's policy", ["backup:PutBackupVaultAccessPolicy", "backup:DeleteBackupVaultAccessPolicy"]],
	["delete the vault", ["backup:DeleteBackupVault"]],
]

deny contains lib.result(v, path, msg) if {
	some v in input.aws.backup.vaults
	some i, stmt in v.policy.statements
	path := rp.open_statement(v, i, stmt, set())
	msg := sprintf("Backup vault `%s` has a policy that lets anyone %s", [v.label, rp.describe(stmt, abilities)])
}
