//! AKS clusters: who can reach the Kubernetes API server, and which keys encrypt the nodes' disks.

use super::id;
use crate::adapt::{boolean, string, strings, Field, Source};
use crate::model::azure::{AksCluster, AksNodePool};

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("azurerm_kubernetes_cluster", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let private = t
            .field(
                r,
                "private_cluster_enabled",
                "private_cluster_enabled",
                boolean,
            )
            .or_default(false);
        let path = "authorized_ip_ranges";
        let ranges = match t.block(r, "api_server_access_profile", path) {
            Field::Known(p) => t.field(&p, path, path, strings).or_default(Vec::new()),
            Field::Unknown => None,
            // Provider 3's top-level argument (removed in 4).
            Field::NotWritten => t
                .field(r, "api_server_authorized_ip_ranges", path, strings)
                .or_default(Vec::new()),
        };
        let path = "disk_encryption_set_id";
        let set = t.field(r, path, path, id).known();
        let path = "host_encryption_enabled";
        let host = match t.block(r, "default_node_pool", path) {
            Field::Known(pool) => match t.field(&pool, path, path, boolean) {
                // Provider 3 called it `enable_host_encryption`.
                Field::NotWritten => t
                    .field(&pool, "enable_host_encryption", path, boolean)
                    .or_default(false),
                f => f.known(),
            },
            // The provider requires the block: without it the cluster is not created as written.
            Field::Unknown | Field::NotWritten => None,
        };
        let mut c = AksCluster {
            disk_encryption_set_id: set,
            host_encryption_enabled: host,
            name,
            private_cluster_enabled: private,
            authorized_ip_ranges: ranges,
            ..AksCluster::default()
        };
        c.meta = t.finish(src.locations());
        src.model().azure.aks.clusters.push(c);
    }
    for item in src.items("azurerm_kubernetes_cluster_node_pool", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let path = "host_encryption_enabled";
        let host = match t.field(r, path, path, boolean) {
            Field::NotWritten => t
                .field(r, "enable_host_encryption", path, boolean)
                .or_default(false),
            f => f.known(),
        };
        let mut p = AksNodePool {
            name,
            host_encryption_enabled: host,
            ..AksNodePool::default()
        };
        p.meta = t.finish(src.locations());
        src.model().azure.aks.node_pools.push(p);
    }
}
