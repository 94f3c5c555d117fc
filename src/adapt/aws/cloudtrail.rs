//! CloudTrail trails: the key their log files are encrypted with (SSE-S3 unless a KMS key is named).

use super::cmk;
use crate::adapt::{string, Source};
use crate::model::Trail;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_cloudtrail", "AWS::CloudTrail::Trail") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, ("name", "TrailName"), "name", string).known();
        let (key_type, kms_key_id) = cmk::key_type(
            &mut t,
            r,
            ("kms_key_id", "KMSKeyId"),
            "AWS_OWNED",
            "kms_key_id",
        );
        let mut trail = Trail {
            name,
            key_type,
            kms_key_id,
            ..Trail::default()
        };
        trail.meta = t.finish(src.locations());
        src.model().aws.cloudtrail.trails.push(trail);
    }
}
