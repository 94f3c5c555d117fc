//! Secrets Manager secrets: the key their values are encrypted with (`aws/secretsmanager` unless another is named).

use super::cmk;
use crate::adapt::{string, Source};
use crate::model::Secret;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_secretsmanager_secret", "AWS::SecretsManager::Secret") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, ("name", "Name"), "name", string).known();
        let (key_type, kms_key_id) = cmk::key_type(
            &mut t,
            r,
            ("kms_key_id", "KmsKeyId"),
            "AWS_MANAGED",
            "kms_key_id",
        );
        let mut secret = Secret {
            name,
            key_type,
            kms_key_id,
            ..Secret::default()
        };
        secret.meta = t.finish(src.locations());
        src.model().aws.secretsmanager.secrets.push(secret);
    }
}
