//! RDS instances and clusters: storage encryption and public accessibility.

use crate::adapt::{boolean, string, Format, Res, Source};
use crate::model::{DbCluster, DbInstance};

/// Attributes that make an instance inherit its encryption: a cluster member, a read replica, a
/// restore.
const INSTANCE_INHERITS: (&[&str], &[&str]) = (
    &[
        "cluster_identifier",
        "replicate_source_db",
        "snapshot_identifier",
    ],
    &[
        "DBClusterIdentifier",
        "SourceDBInstanceIdentifier",
        "SourceDBClusterIdentifier",
        "DBSnapshotIdentifier",
        "SourceDBInstanceAutomatedBackupsArn",
        "SourceDbiResourceId",
    ],
);

/// The same for clusters: restores and replicas.
const CLUSTER_INHERITS: (&[&str], &[&str]) = (
    &["snapshot_identifier", "replication_source_identifier"],
    &[
        "SnapshotIdentifier",
        "SourceDBClusterIdentifier",
        "ReplicationSourceIdentifier",
    ],
);

/// Whether `r` writes any of the attributes of its format (one removed with `!Ref AWS::NoValue` is
/// not written).
fn writes_any(r: &Res, names: (&[&str], &[&str])) -> bool {
    let names = match r.format() {
        Format::Terraform => names.0,
        Format::CloudFormation => names.1,
    };
    names.iter().any(|a| r.attr(*a).is_some())
}

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_db_instance", "AWS::RDS::DBInstance") {
        let r = &item.res;
        let mut t = item.tracker();
        let inherits = writes_any(r, INSTANCE_INHERITS);
        let encrypted = t.field(
            r,
            ("storage_encrypted", "StorageEncrypted"),
            "storage_encrypted",
            boolean,
        );
        let mut i = DbInstance {
            engine: t.field(r, ("engine", "Engine"), "engine", string).known(),
            storage_encrypted: if inherits {
                encrypted.known()
            } else {
                encrypted.or_default(false)
            },
            kms_key_id: t
                .field(r, ("kms_key_id", "KmsKeyId"), "kms_key_id", string)
                .known(),
            publicly_accessible: t
                .field(
                    r,
                    ("publicly_accessible", "PubliclyAccessible"),
                    "publicly_accessible",
                    boolean,
                )
                .or_default(false),
            ..DbInstance::default()
        };
        i.meta = t.finish(src.locations());
        src.model().aws.rds.instances.push(i);
    }
    // Aurora instances (Terraform's own resource type): storage encryption is the cluster's; public
    // accessibility is their own.
    for item in src.items("aws_rds_cluster_instance", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut i = DbInstance {
            engine: t.field(r, "engine", "engine", string).known(),
            publicly_accessible: t
                .field(r, "publicly_accessible", "publicly_accessible", boolean)
                .or_default(false),
            ..DbInstance::default()
        };
        i.meta = t.finish(src.locations());
        src.model().aws.rds.instances.push(i);
    }
    for item in src.items("aws_rds_cluster", "AWS::RDS::DBCluster") {
        let r = &item.res;
        let mut t = item.tracker();
        let engine_mode = t
            .field(r, ("engine_mode", "EngineMode"), "engine_mode", string)
            .known();
        let inherits = writes_any(r, CLUSTER_INHERITS);
        let encrypted = t.field(
            r,
            ("storage_encrypted", "StorageEncrypted"),
            "storage_encrypted",
            boolean,
        );
        // Aurora Serverless v1 clusters are always encrypted.
        let default = engine_mode.as_deref() == Some("serverless");
        let mut c = DbCluster {
            engine: t.field(r, ("engine", "Engine"), "engine", string).known(),
            storage_encrypted: if inherits {
                encrypted.known()
            } else {
                encrypted.or_default(default)
            },
            kms_key_id: t
                .field(r, ("kms_key_id", "KmsKeyId"), "kms_key_id", string)
                .known(),
            engine_mode,
            ..DbCluster::default()
        };
        // A cluster restored from a snapshot or replicating another keeps the source's key when it
        // names none: which key that is cannot be seen here.
        if inherits && c.kms_key_id.is_none() && !t.is_unknown("kms_key_id") {
            t.mark_unknown("kms_key_id");
        }
        c.meta = t.finish(src.locations());
        src.model().aws.rds.clusters.push(c);
    }
}
