# METADATA
# title: Backup vault not encrypted with a customer managed key
# description: |
#   AWS Backup encrypts the recovery points it manages in a vault, by default with the AWS managed key
#   `aws/backup`. Backups are copies of databases and file systems; with a customer managed key, restoring
#   or copying them also needs permission on a key whose policy you write, and the vault can be copied
#   to another account. Resources that Backup does not fully manage keep their source's encryption. The
#   data is already encrypted with an AWS key, which is why this is a low finding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
# custom:
#   id: AWS-BACKUP-001
#   name: backup-vault-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_arn` on the aws_backup_vault to the ARN of a customer managed KMS key.
#   recommended_action_cloudformation: |
#     Set `EncryptionKeyArn` on the `AWS::Backup::BackupVault` to the ARN of a customer managed KMS key.
package preflight.aws.backup.vault_no_customer_key

import data.preflight.lib

deny contains lib.result(v, "key_type", msg) if {
	some v in input.aws.backup.vaults
	v.key_type == "AWS_MANAGED"
	msg := sprintf("Backup vault `%s` is encrypted with the AWS managed key aws/backup, not a customer managed key", [v.label])
}
