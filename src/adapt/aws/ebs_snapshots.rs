//! EBS snapshots (`aws_ebs_snapshot`, `aws_ebs_snapshot_copy`; CloudFormation has no snapshot resource)
//! and whether they are encrypted.
//!
//! A snapshot has its volume's encryption: the volume is found among `aws.ebs.volumes` (adapted
//! before this) through `volume_id`; a volume outside the scanned code, or one whose encryption is
//! unknown, makes the snapshot's unknown. A copy is encrypted when it asks to be (`encrypted = true`),
//! when the scanned code turns on EBS encryption by default (AWS then encrypts every copy), or when its
//! source is a snapshot of the scanned code that is encrypted (a copy of an encrypted snapshot always
//! is); otherwise the copy does not ask for encryption and is recorded as `false`.

use crate::adapt::{boolean, string, target, Field, Joiner, Source, Target};
use crate::model::EbsSnapshot;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    // Volume address → its encryption (absent when unknown or inherited from a snapshot).
    let volumes: Vec<(String, Option<bool>)> = src
        .model()
        .aws
        .ebs
        .volumes
        .iter()
        .map(|v| (v.meta.id.clone(), v.encrypted))
        .collect();
    let by_default = src
        .model()
        .aws
        .compute
        .ebs_encryption_defaults
        .iter()
        .any(|d| d.enabled == Some(true));

    let mut snapshots: Joiner<EbsSnapshot> = Joiner::new();
    for item in src.items("aws_ebs_snapshot", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let volume = match r.attr_traced("volume_id") {
            Some((v, span, _, _)) => {
                t.at("encrypted", span);
                match target(&v) {
                    Target::Address(a) => find(&volumes, &a),
                    _ => None,
                }
            }
            None => None,
        };
        let encrypted = match volume {
            Some(Some(e)) => Some(e),
            found => {
                t.mark_unknown("encrypted");
                let why = if found.is_some() {
                    "the encryption of the snapshot's volume is unknown"
                } else {
                    "`volume_id` names a volume that is not in the scanned code"
                };
                t.explain("encrypted", vec![why.into()]);
                None
            }
        };
        let s = EbsSnapshot {
            copy: false,
            encrypted,
            kms_key_id: None,
            ..EbsSnapshot::default()
        };
        snapshots.add(s, t, None);
    }
    for item in src.items("aws_ebs_snapshot_copy", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let kms_key_id = t.field(r, "kms_key_id", "kms_key_id", string).known();
        let source = r
            .attr("source_snapshot_id")
            .and_then(|(v, _)| snapshots.find(&target(&v)))
            .and_then(|i| snapshots.items[i].0.encrypted);
        let encrypted = match t.field(r, "encrypted", "encrypted", boolean) {
            Field::Unknown => None,
            Field::Known(true) => Some(true),
            Field::Known(false) | Field::NotWritten => Some(by_default || source == Some(true)),
        };
        let s = EbsSnapshot {
            copy: true,
            encrypted,
            kms_key_id,
            ..EbsSnapshot::default()
        };
        snapshots.add(s, t, None);
    }
    let snapshots = snapshots.finish(src.locations());
    src.model().aws.ebs.snapshots.extend(snapshots);
}

/// The volume at `address`; `aws_ebs_volume.v[0]` also names a volume whose `count` is unknown, which
/// is adapted without an index. `None` when not in the scanned code.
fn find(volumes: &[(String, Option<bool>)], address: &str) -> Option<Option<bool>> {
    let base = address
        .strip_suffix(']')
        .and_then(|rest| rest.rfind('[').map(|i| &rest[..i]));
    volumes
        .iter()
        .find(|(id, _)| id == address)
        .or_else(|| base.and_then(|b| volumes.iter().find(|(id, _)| id == b)))
        .map(|(_, e)| *e)
}

#[cfg(test)]
mod tests {
    use crate::model::Model;
    use crate::terraform::adapt::model_of_text as model;

    fn encrypted(m: &Model) -> Vec<Option<bool>> {
        m.aws.ebs.snapshots.iter().map(|s| s.encrypted).collect()
    }

    #[test]
    fn a_snapshot_has_its_volumes_encryption() {
        let m = model(
            "resource \"aws_ebs_volume\" \"a\" {\n  availability_zone = \"x\"\n  encrypted = true\n}\n\
             resource \"aws_ebs_volume\" \"b\" {\n  count = 2\n  availability_zone = \"x\"\n}\n\
             resource \"aws_ebs_snapshot\" \"a\" {\n  volume_id = aws_ebs_volume.a.id\n}\n\
             resource \"aws_ebs_snapshot\" \"b\" {\n  volume_id = aws_ebs_volume.b[1].id\n}\n\
             resource \"aws_ebs_snapshot\" \"c\" {\n  volume_id = \"vol-0123\"\n}\n",
        );
        assert_eq!(encrypted(&m), vec![Some(true), Some(false), None]);
        assert_eq!(m.aws.ebs.snapshots[2].meta.unknown, vec!["encrypted"]);
    }

    #[test]
    fn encryption_by_default_encrypts_every_copy() {
        let m = model(
            "resource \"aws_ebs_encryption_by_default\" \"on\" {}\n\
             resource \"aws_ebs_snapshot_copy\" \"c\" {\n  source_snapshot_id = \"snap-1\"\n  source_region = \"eu-west-1\"\n  encrypted = false\n}\n",
        );
        assert_eq!(encrypted(&m), vec![Some(true)]);
    }

    #[test]
    fn a_copy_that_does_not_ask_is_unencrypted_unless_its_source_is_encrypted() {
        let m = model(
            "resource \"aws_ebs_volume\" \"a\" {\n  availability_zone = \"x\"\n  encrypted = true\n}\n\
             resource \"aws_ebs_snapshot\" \"a\" {\n  volume_id = aws_ebs_volume.a.id\n}\n\
             resource \"aws_ebs_snapshot_copy\" \"of_a\" {\n  source_snapshot_id = aws_ebs_snapshot.a.id\n  source_region = \"x\"\n}\n\
             resource \"aws_ebs_snapshot_copy\" \"of_other\" {\n  source_snapshot_id = \"snap-1\"\n  source_region = \"x\"\n}\n",
        );
        assert_eq!(encrypted(&m), vec![Some(true), Some(true), Some(false)]);
    }
}
