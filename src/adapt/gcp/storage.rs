//! Cloud Storage buckets: uniform bucket-level access, public access prevention and the default key.

use super::key_ref;
use crate::adapt::{boolean, string, Field, Source};
use crate::model::gcp::GcsBucket;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("google_storage_bucket", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        // Both default to off: fine-grained (ACL) access, and prevention inherited from the
        // organization policy (which may or may not enforce it: nothing in the code says).
        let uniform = t
            .field(
                r,
                "uniform_bucket_level_access",
                "uniform_bucket_level_access",
                boolean,
            )
            .or_default(false);
        let pap = t
            .field(
                r,
                "public_access_prevention",
                "public_access_prevention",
                string,
            )
            .or_default("inherited".to_string());
        let kms_key_name = match t.block(r, "encryption", "kms_key_name") {
            Field::Known(e) => t
                .field(&e, "default_kms_key_name", "kms_key_name", key_ref)
                .known()
                .filter(|k| !k.trim().is_empty()),
            Field::Unknown | Field::NotWritten => None,
        };
        let mut bucket = GcsBucket {
            name,
            uniform_bucket_level_access: uniform,
            public_access_prevention: pap,
            kms_key_name,
            ..GcsBucket::default()
        };
        bucket.meta = t.finish(src.locations());
        src.model().gcp.storage.buckets.push(bucket);
    }
}
