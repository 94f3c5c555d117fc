//! GKE clusters: whether the control plane has a public endpoint and who may reach it, whether the
//! nodes have external IPs, and whether legacy ABAC is on.

use crate::adapt::{boolean, string, Field, Res, Source};
use crate::model::gcp::GkeCluster;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    // A node pool can choose private nodes of its own (`network_config.enable_private_nodes`); the
    // cluster's setting then does not say what every node gets.
    let pools_choose = src
        .items("google_container_node_pool", "")
        .iter()
        .any(|p| pool_chooses(&p.res));
    for item in src.items("google_container_cluster", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let mut private_nodes = Some(false);
        let private_endpoint = match t.block(r, "private_cluster_config", "private_endpoint") {
            Field::Known(b) => {
                t.at("private_nodes", b.span.clone());
                private_nodes = t
                    .field(&b, "enable_private_nodes", "private_nodes", boolean)
                    .or_default(false);
                t.field(&b, "enable_private_endpoint", "private_endpoint", boolean)
                    .or_default(false)
            }
            Field::NotWritten => {
                t.left_out("private_nodes", "private_cluster_config");
                Some(false)
            }
            Field::Unknown => {
                t.mark_unknown("private_nodes");
                private_nodes = None;
                None
            }
        };
        if private_nodes == Some(false)
            && (pools_choose || r.blocks("node_pool").any(|p| pool_chooses(&p)))
        {
            t.mark_unknown("private_nodes");
            t.explain(
                "private_nodes",
                vec![
                    "a node pool sets `network_config.enable_private_nodes` of its own".to_string(),
                ],
            );
            private_nodes = None;
        }
        let legacy_abac = t
            .field(r, "enable_legacy_abac", "legacy_abac", boolean)
            .or_default(false);
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
            private_nodes,
            legacy_abac,
            ..GkeCluster::default()
        };
        c.meta = t.finish(src.locations());
        src.model().gcp.gke.clusters.push(c);
    }
}

/// A node pool (resource or a cluster's `node_pool` block) writes `network_config.enable_private_nodes`.
fn pool_chooses(pool: &Res) -> bool {
    pool.blocks("network_config")
        .any(|n| n.attr("enable_private_nodes").is_some())
}

#[cfg(test)]
mod tests {
    use crate::terraform::adapt::model_of_text;

    #[test]
    fn private_nodes_default_and_pool_choice() {
        let m = model_of_text(
            r#"
resource "google_container_cluster" "a" {
  enable_legacy_abac = true
}
resource "google_container_cluster" "b" {
  private_cluster_config {
    enable_private_nodes = true
  }
}
"#,
        );
        let c = &m.gcp.gke.clusters;
        assert_eq!(
            (c[0].private_nodes, c[0].legacy_abac),
            (Some(false), Some(true))
        );
        assert_eq!(
            (c[1].private_nodes, c[1].legacy_abac),
            (Some(true), Some(false))
        );

        let m = model_of_text(
            r#"
resource "google_container_cluster" "a" {}
resource "google_container_node_pool" "p" {
  cluster = google_container_cluster.a.id
  network_config {
    enable_private_nodes = true
  }
}
"#,
        );
        let c = &m.gcp.gke.clusters[0];
        assert_eq!(c.private_nodes, None);
        assert!(c.meta.unknown.contains(&"private_nodes".to_string()));
    }
}
