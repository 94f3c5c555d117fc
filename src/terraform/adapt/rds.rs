//! RDS instances and clusters.

use super::Cx;
use crate::adapt::{boolean, string};
use crate::model::{DbCluster, DbInstance};

pub(super) fn adapt(cx: &mut Cx) {
    for item in cx.instances("aws_db_instance") {
        let r = &item.res;
        let mut t = item.tracker();
        // Members of a cluster, replicas and snapshot restores inherit their encryption.
        let inherits = [
            "cluster_identifier",
            "replicate_source_db",
            "snapshot_identifier",
        ]
        .iter()
        .any(|a| r.has(a));
        let encrypted = t.field(&r, "storage_encrypted", "storage_encrypted", boolean);
        let mut i = DbInstance {
            engine: t.field(&r, "engine", "engine", string).known(),
            storage_encrypted: if inherits {
                encrypted.known()
            } else {
                encrypted.or_default(false)
            },
            kms_key_id: t.field(&r, "kms_key_id", "kms_key_id", string).known(),
            publicly_accessible: t
                .field(&r, "publicly_accessible", "publicly_accessible", boolean)
                .or_default(false),
            ..DbInstance::default()
        };
        i.meta = t.finish(&mut cx.locations);
        cx.model.aws.rds.instances.push(i);
    }
    // Aurora instances: storage encryption is the cluster's; public accessibility is their own.
    for item in cx.instances("aws_rds_cluster_instance") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut i = DbInstance {
            engine: t.field(r, "engine", "engine", string).known(),
            publicly_accessible: t
                .field(r, "publicly_accessible", "publicly_accessible", boolean)
                .or_default(false),
            ..DbInstance::default()
        };
        i.meta = t.finish(&mut cx.locations);
        cx.model.aws.rds.instances.push(i);
    }
    for item in cx.instances("aws_rds_cluster") {
        let r = &item.res;
        let mut t = item.tracker();
        let engine_mode = t.field(&r, "engine_mode", "engine_mode", string).known();
        let inherits = ["snapshot_identifier", "replication_source_identifier"]
            .iter()
            .any(|a| r.has(a));
        let encrypted = t.field(&r, "storage_encrypted", "storage_encrypted", boolean);
        // Aurora Serverless v1 clusters are always encrypted.
        let default = engine_mode.as_deref() == Some("serverless");
        let mut c = DbCluster {
            engine: t.field(&r, "engine", "engine", string).known(),
            storage_encrypted: if inherits {
                encrypted.known()
            } else {
                encrypted.or_default(default)
            },
            kms_key_id: t.field(&r, "kms_key_id", "kms_key_id", string).known(),
            engine_mode,
            ..DbCluster::default()
        };
        c.meta = t.finish(&mut cx.locations);
        cx.model.aws.rds.clusters.push(c);
    }
}
