//! ElastiCache replication groups (Valkey, Redis OSS): encryption at rest and in transit.
//!
//! Not adapted: `aws_elasticache_cluster` / `AWS::ElastiCache::CacheCluster` (Memcached nodes cannot
//! encrypt at rest at all, and a Redis node there belongs to a replication group or stands alone
//! without the at-rest setting), and serverless caches, which are always encrypted both ways.

use crate::adapt::{boolean, string, Field, Source, Tracker};
use crate::model::CacheReplicationGroup;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items(
        "aws_elasticache_replication_group",
        "AWS::ElastiCache::ReplicationGroup",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(
                r,
                ("replication_group_id", "ReplicationGroupId"),
                "name",
                string,
            )
            .known();
        let engine = t
            .field(r, ("engine", "Engine"), "engine", string)
            .or_default("redis".to_string())
            .map(|e| e.to_ascii_lowercase());
        // A member of a global datastore takes its encryption from the datastore; a group built
        // around an existing primary cluster takes it from that cluster.
        let inherited = r.has(("global_replication_group_id", "GlobalReplicationGroupId"))
            || r.has(("", "PrimaryClusterId"));
        let at_rest_default = match engine.as_deref() {
            // AWS encrypts Valkey groups at rest unless told otherwise.
            Some("valkey") => Some(true),
            Some(_) => Some(false),
            None => None,
        };
        let at_rest = t.field(
            r,
            ("at_rest_encryption_enabled", "AtRestEncryptionEnabled"),
            "at_rest_encryption_enabled",
            boolean,
        );
        let at_rest_encryption_enabled = settle(
            &mut t,
            at_rest,
            "at_rest_encryption_enabled",
            at_rest_default,
            inherited,
        );
        let transit = t.field(
            r,
            ("transit_encryption_enabled", "TransitEncryptionEnabled"),
            "transit_encryption_enabled",
            boolean,
        );
        let transit_encryption_enabled = settle(
            &mut t,
            transit,
            "transit_encryption_enabled",
            Some(false),
            inherited,
        );
        let kms_key_id = t
            .field(r, ("kms_key_id", "KmsKeyId"), "kms_key_id", string)
            .known();
        let mut group = CacheReplicationGroup {
            name,
            engine,
            at_rest_encryption_enabled,
            kms_key_id,
            transit_encryption_enabled,
            ..CacheReplicationGroup::default()
        };
        group.meta = t.finish(src.locations());
        src.model().aws.elasticache.replication_groups.push(group);
    }
}

/// An encryption flag as read, or its default when left out; unknown when left out and the group
/// inherits its setting, or the default depends on an engine that is unknown.
fn settle(
    t: &mut Tracker,
    field: Field<bool>,
    path: &str,
    default: Option<bool>,
    inherited: bool,
) -> Option<bool> {
    match field {
        Field::Known(b) => Some(b),
        Field::Unknown => None,
        Field::NotWritten if inherited || default.is_none() => {
            t.mark_unknown(path);
            let why = if inherited {
                "the replication group takes its encryption from a global datastore or its primary cluster"
            } else {
                "the engine is unknown, and the default depends on it"
            };
            t.explain(path, vec![why.into()]);
            None
        }
        Field::NotWritten => default,
    }
}
