//! DAX clusters: encryption of the nodes' disks and of the client endpoint. Neither is on unless
//! asked for.

use super::datastores::nested;
use crate::adapt::{boolean, string, Field, Source};
use crate::model::DaxCluster;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_dax_cluster", "AWS::DAX::Cluster") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(r, ("cluster_name", "ClusterName"), "name", string)
            .known();
        let encrypted = match nested(
            &mut t,
            r,
            &[("server_side_encryption", "SSESpecification")],
            "encrypted",
        ) {
            Field::Known(sse) => t
                .field(&sse, ("enabled", "SSEEnabled"), "encrypted", boolean)
                .or_default(false),
            Field::NotWritten => Some(false),
            Field::Unknown => None,
        };
        let endpoint_encryption = t
            .field(
                r,
                (
                    "cluster_endpoint_encryption_type",
                    "ClusterEndpointEncryptionType",
                ),
                "endpoint_encryption",
                string,
            )
            .or_default("NONE".into())
            .map(|s| s.to_ascii_uppercase());
        let mut cluster = DaxCluster {
            name,
            encrypted,
            endpoint_encryption,
            ..DaxCluster::default()
        };
        cluster.meta = t.finish(src.locations());
        src.model().aws.dax.clusters.push(cluster);
    }
}
