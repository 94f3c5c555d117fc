//! Redshift clusters: public reachability and encryption at rest.

use crate::adapt::{boolean, string, Field, Format, Source};
use crate::model::RedshiftCluster;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_redshift_cluster", "AWS::Redshift::Cluster") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(
                r,
                ("cluster_identifier", "ClusterIdentifier"),
                "name",
                string,
            )
            .known();
        // The AWS provider v5 sends `publicly_accessible = true` when it is left out; v6 turned that
        // default to false, so a module that requires v6 or later gets a private cluster.
        // CloudFormation sends nothing and AWS keeps the cluster private.
        let public_default =
            r.format() == Format::Terraform && r.aws_provider_major().is_none_or(|m| m < 6);
        let publicly_accessible = t
            .field(
                r,
                ("publicly_accessible", "PubliclyAccessible"),
                "publicly_accessible",
                boolean,
            )
            .or_default(public_default);
        // Since January 2025 AWS encrypts every new cluster, with a key AWS owns unless one is given;
        // only `false` written out turns it off. A cluster restored from a snapshot takes the
        // snapshot's setting.
        let restored = r.has(("snapshot_identifier", "SnapshotIdentifier"))
            || r.has(("snapshot_arn", "SnapshotArn"));
        let encrypted = match t.field(r, ("encrypted", "Encrypted"), "encrypted", boolean) {
            Field::Known(b) => Some(b),
            Field::Unknown => None,
            Field::NotWritten if restored => {
                t.mark_unknown("encrypted");
                t.explain(
                    "encrypted",
                    vec![
                        "the cluster is restored from a snapshot, whose encryption it keeps".into(),
                    ],
                );
                None
            }
            Field::NotWritten => Some(true),
        };
        let kms_key_id = t
            .field(r, ("kms_key_id", "KmsKeyId"), "kms_key_id", string)
            .known()
            .filter(|k| !k.is_empty());
        let mut cluster = RedshiftCluster {
            name,
            publicly_accessible,
            encrypted,
            kms_key_id,
            ..RedshiftCluster::default()
        };
        cluster.meta = t.finish(src.locations());
        src.model().aws.redshift.clusters.push(cluster);
    }
}
