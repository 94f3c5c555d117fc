//! Secrets Manager secrets: the key their values are encrypted with (`aws/secretsmanager` unless another
//! is named), and their resource policy.

use super::{cmk, resource_policy};
use crate::adapt::{string, Joiner, Source};
use crate::model::Secret;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut secrets: Joiner<Secret> = Joiner::new();
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
        // Only Terraform writes the policy on the secret (CloudFormation has a `ResourcePolicy`).
        let policy = t.document(r, "policy", "policy").known();
        let secret = Secret {
            name,
            key_type,
            kms_key_id,
            policy,
            ..Secret::default()
        };
        let name = secret.name.clone();
        secrets.add(secret, t, name.as_deref());
    }
    for item in src.items(
        "aws_secretsmanager_secret_policy",
        "AWS::SecretsManager::ResourcePolicy",
    ) {
        resource_policy::join(
            &mut secrets,
            &item,
            ("secret_arn", "SecretId"),
            ("policy", "ResourcePolicy"),
            &["key_type", "kms_key_id"],
        );
    }
    let secrets = secrets.finish(src.locations());
    src.model().aws.secretsmanager.secrets.extend(secrets);
}
