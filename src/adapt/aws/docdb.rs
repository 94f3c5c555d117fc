//! DocumentDB clusters: storage encryption. (`aws_docdb_elastic_cluster` always encrypts: not
//! modelled.)

use super::datastores::{inherited_from, kms_key, storage_encrypted, KmsKey};
use crate::adapt::{string, Field, Source};
use crate::model::DocdbCluster;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_docdb_cluster", "AWS::DocDB::DBCluster") {
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
        let key = t.field(r, ("kms_key_id", "KmsKeyId"), "kms_key_id", kms_key);
        let inherits = inherited_from(
            r,
            &[
                ("snapshot_identifier", "SnapshotIdentifier"),
                ("global_cluster_identifier", ""),
                ("", "SourceDBClusterIdentifier"),
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
        let mut cluster = DocdbCluster {
            name,
            storage_encrypted,
            kms_key_id,
            ..DocdbCluster::default()
        };
        cluster.meta = t.finish(src.locations());
        src.model().aws.docdb.clusters.push(cluster);
    }
}
