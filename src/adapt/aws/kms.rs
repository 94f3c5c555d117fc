//! KMS keys and their key policies (written on the key, or in an `aws_kms_key_policy`).

use super::resource_policy;
use crate::adapt::{string, Joiner, Source};
use crate::model::KmsKey;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut keys: Joiner<KmsKey> = Joiner::new();
    for item in src.items("aws_kms_key", "AWS::KMS::Key") {
        let r = &item.res;
        let mut t = item.tracker();
        let key = KmsKey {
            description: t
                .field(r, ("description", "Description"), "description", string)
                .known(),
            policy: t.document(r, ("policy", "KeyPolicy"), "policy").known(),
            ..KmsKey::default()
        };
        keys.add(key, t, None);
    }
    for item in src.items("aws_kms_key_policy", "") {
        resource_policy::join(&mut keys, &item, "key_id", "policy", &[]);
    }
    let keys = keys.finish(src.locations());
    src.model().aws.kms.keys.extend(keys);
}
