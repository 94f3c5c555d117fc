//! EBS volumes, with the account-wide default encryption when the module sets it.

use super::Cx;
use crate::adapt::{boolean, number, string};
use crate::model::Volume;

pub(super) fn adapt(cx: &mut Cx) {
    // `aws_ebs_encryption_by_default` (enabled defaults to true) makes new volumes encrypted.
    let by_default = cx
        .instances("aws_ebs_encryption_by_default")
        .iter()
        .any(|item| match item.res.attr("enabled") {
            None => true,
            Some((v, _)) => v.as_bool() == Some(true),
        });
    for item in cx.instances("aws_ebs_volume") {
        let r = &item.res;
        let mut t = item.tracker();
        let encrypted = t.field(&r, "encrypted", "encrypted", boolean);
        // A volume made from a snapshot keeps the snapshot's encryption.
        let from_snapshot = r.has("snapshot_id");
        let mut v = Volume {
            encrypted: if from_snapshot && !by_default {
                encrypted.known()
            } else {
                encrypted.or_default(by_default)
            },
            kms_key_id: t.field(&r, "kms_key_id", "kms_key_id", string).known(),
            size: t.field(&r, "size", "size", number).known(),
            ..Volume::default()
        };
        v.meta = t.finish(&mut cx.locations);
        cx.model.aws.ebs.volumes.push(v);
    }
}
