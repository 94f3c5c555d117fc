//! S3 Glacier vaults and their access policies.

use crate::adapt::{string, Source};
use crate::model::GlacierVault;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_glacier_vault", "AWS::Glacier::Vault") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut vault = GlacierVault {
            name: t.field(r, ("name", "VaultName"), "name", string).known(),
            policy: t
                .document(r, ("access_policy", "AccessPolicy"), "policy")
                .known(),
            ..GlacierVault::default()
        };
        vault.meta = t.finish(src.locations());
        src.model().aws.glacier.vaults.push(vault);
    }
}
