//! Backup vaults: the key their recovery points are encrypted with (`aws/backup` unless another is named).

use super::cmk;
use crate::adapt::{string, Source};
use crate::model::BackupVault;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
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
        let mut vault = BackupVault {
            name,
            key_type,
            kms_key_arn,
            ..BackupVault::default()
        };
        vault.meta = t.finish(src.locations());
        src.model().aws.backup.vaults.push(vault);
    }
}
