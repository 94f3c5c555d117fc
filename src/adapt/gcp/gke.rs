//! GKE clusters: whether the control plane has a public endpoint, and who may reach it.

use crate::adapt::{boolean, string, Field, Source};
use crate::model::gcp::GkeCluster;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("google_container_cluster", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let private_endpoint = match t.block(r, "private_cluster_config", "private_endpoint") {
            Field::Known(b) => t
                .field(&b, "enable_private_endpoint", "private_endpoint", boolean)
                .or_default(false),
            Field::NotWritten => Some(false),
            Field::Unknown => None,
        };
        let mut authorized_cidrs = Vec::new();
        let enabled = match t.block(
            r,
            "master_authorized_networks_config",
            "authorized_networks_enabled",
        ) {
            Field::Known(b) => {
                if let Field::Known(blocks) = t.blocks(&b, "cidr_blocks", "authorized_cidrs") {
                    for (i, c) in blocks.iter().enumerate() {
                        let path = format!("authorized_cidrs[{i}]");
                        match t.field(c, "cidr_block", &path, string) {
                            Field::Known(v) => authorized_cidrs.push(v),
                            _ => t.mark_unknown("authorized_cidrs"),
                        }
                    }
                }
                Some(true)
            }
            Field::NotWritten => Some(false),
            Field::Unknown => None,
        };
        let mut c = GkeCluster {
            name,
            private_endpoint,
            authorized_networks_enabled: enabled,
            authorized_cidrs,
            ..GkeCluster::default()
        };
        c.meta = t.finish(src.locations());
        src.model().gcp.gke.clusters.push(c);
    }
}
