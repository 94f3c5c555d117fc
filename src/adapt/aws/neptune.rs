//! Neptune clusters (storage encryption) and instances (public endpoints, Terraform only:
//! `AWS::Neptune::DBInstance` has no such property).

use super::datastores::{inherited_from, kms_key, storage_encrypted, KmsKey};
use crate::adapt::{boolean, string, Field, Source};
use crate::model::{NeptuneCluster, NeptuneInstance};

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
}
