//! Backup vaults: the key their recovery points are encrypted with (`aws/backup` unless another is named).

use super::{cmk, resource_policy};
use crate::adapt::{string, Joiner, Source};
use crate::model::BackupVault;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut vaults: Joiner<BackupVault> = Joiner::new();
    for item in src.items("aws_backup_vault", "AWS::Backup::BackupVault") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(r, ("name", "BackupVaultName"), "name", string)
            .known();
        let (key_type, kms_key_arn) = cmk::key_type(
            &mut t,
            r,
            ("kms_key_arn", "EncryptionKeyArn"),
            "AWS_MANAGED",
            "kms_key_arn",
        );
        // Only CloudFormation writes the policy on the vault (Terraform has a companion).
        let policy = t.document(r, "AccessPolicy", "policy").known();
        let vault = BackupVault {
            name,
            key_type,
            kms_key_arn,
            policy,
            ..BackupVault::default()
        };
        let name = vault.name.clone();
        vaults.add(vault, t, name.as_deref());
    }
    for item in src.items("aws_backup_vault_policy", "") {
        resource_policy::join(
            &mut vaults,
            &item,
            "backup_vault_name",
            "policy",
            &["key_type", "kms_key_arn"],
        );
    }
    let vaults = vaults.finish(src.locations());
    src.model().aws.backup.vaults.extend(vaults);
}
