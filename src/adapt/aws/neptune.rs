//! Neptune clusters (storage encryption), instances (public endpoints, Terraform only:
//! `AWS::Neptune::DBInstance` has no such property) and cluster snapshots (encrypted as their source
//! cluster is; Terraform only: CloudFormation has no Neptune snapshot resource).

use super::datastores::{inherited_from, kms_key, storage_encrypted, KmsKey};
use crate::adapt::{boolean, string, Field, Source};
use crate::model::{NeptuneCluster, NeptuneClusterSnapshot, NeptuneInstance};
use crate::terraform::value::Value;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_neptune_cluster", "AWS::Neptune::DBCluster") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(
                r,
                ("cluster_identifier", "DBClusterIdentifier"),
                "name",
                string,
            )
            .known();
        let key = t.field(r, ("kms_key_arn", "KmsKeyId"), "kms_key_id", kms_key);
        let inherits = inherited_from(
            r,
            &[
                ("snapshot_identifier", "SnapshotIdentifier"),
                ("replication_source_identifier", "SourceDBClusterIdentifier"),
                ("global_cluster_identifier", ""),
            ],
            &[("restore_to_point_in_time", "")],
        );
        let storage_encrypted = storage_encrypted(
            &mut t,
            r,
            ("storage_encrypted", "StorageEncrypted"),
            inherits,
            key.is_written(),
        );
        let kms_key_id = match key {
            Field::Known(KmsKey::Customer(id)) => id,
            _ => None,
        };
        let mut cluster = NeptuneCluster {
            name,
            storage_encrypted,
            kms_key_id,
            ..NeptuneCluster::default()
        };
        cluster.meta = t.finish(src.locations());
        src.model().aws.neptune.clusters.push(cluster);
    }
    for item in src.items("aws_neptune_cluster_instance", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut instance = NeptuneInstance {
            publicly_accessible: t
                .field(r, "publicly_accessible", "publicly_accessible", boolean)
                .or_default(false),
            ..NeptuneInstance::default()
        };
        instance.meta = t.finish(src.locations());
        src.model().aws.neptune.instances.push(instance);
    }
    snapshots(src);
}

/// Manual cluster snapshots, judged through their source cluster (by reference or by its
/// `cluster_identifier`), which must be in the scanned code.
fn snapshots<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let items = src.items("aws_neptune_cluster_snapshot", "");
    if items.is_empty() {
        return;
    }
    // Address and name → (label, storage_encrypted) of every cluster adapted above.
    let clusters: Vec<(String, Option<String>, String, Option<bool>)> = src
        .model()
        .aws
        .neptune
        .clusters
        .iter()
        .map(|c| {
            (
                c.meta.id.clone(),
                c.name.clone(),
                c.meta.label.clone(),
                c.storage_encrypted,
            )
        })
        .collect();
    for item in items {
        let r = &item.res;
        let mut t = item.tracker();
        let source = r.attr_traced("db_cluster_identifier");
        let found = match &source {
            Some((Value::Ref(target), ..)) => {
                let base = strip_index(&target.address);
                clusters
                    .iter()
                    .find(|c| c.0 == target.address || strip_index(&c.0) == base)
            }
            Some((Value::String(name), ..)) => {
                clusters.iter().find(|c| c.1.as_deref() == Some(name))
            }
            _ => None,
        };
        let mut snap = NeptuneClusterSnapshot::default();
        if let Some((_, span, ..)) = &source {
            t.at("storage_encrypted", span.clone());
            t.at("cluster", span.clone());
        }
        match found {
            Some((id, _, label, encrypted)) => {
                // Where the cluster's setting is (or its header, when left out).
                let at = src.locations().entities.get(id).map(|e| {
                    e.attrs
                        .get("storage_encrypted")
                        .map_or((e.header.clone(), true), |s| (s.clone(), false))
                });
                if let (Some((span, left_out)), Some(false)) = (at, encrypted) {
                    let note = if left_out {
                        format!("the source cluster `{label}` leaves `storage_encrypted` out (false by default)")
                    } else {
                        format!("the source cluster `{label}` is not encrypted")
                    };
                    t.because("storage_encrypted", span, note);
                }
                snap.cluster = Some(label.clone());
                snap.storage_encrypted = *encrypted;
                if encrypted.is_none() {
                    t.mark_unknown("storage_encrypted");
                    t.explain(
                        "storage_encrypted",
                        vec![format!(
                            "whether the source cluster `{label}` is encrypted is unknown"
                        )],
                    );
                }
            }
            None => {
                let mut why = vec![
                    "`db_cluster_identifier` names a cluster that is not in the scanned code, so whether the snapshot is encrypted is unknown".to_string(),
                ];
                if let Some((_, _, _, more)) = source {
                    why.extend(more);
                }
                t.mark_unknown("storage_encrypted");
                t.explain("storage_encrypted", why);
            }
        }
        snap.meta = t.finish(src.locations());
        src.model().aws.neptune.cluster_snapshots.push(snap);
    }
}

/// `aws_x.y[0]` → `aws_x.y` (an instance's address to its resource's).
fn strip_index(address: &str) -> &str {
    match address.strip_suffix(']').and_then(|r| r.rfind('[')) {
        Some(i) => &address[..i],
        None => address,
    }
}
