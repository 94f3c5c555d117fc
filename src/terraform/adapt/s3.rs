//! S3 buckets, joined with their v4 companion resources by reference or by literal bucket name.

use super::Cx;
use crate::adapt::{boolean, string, strings, Field, Joiner, Res, Tracker};
use crate::model::{Bucket, Grant};

/// What a bucket standing on its own (its bucket not in this module) cannot tell.
const ORPHAN_UNKNOWN: [&str; 4] = ["acl", "public_access_block", "policy", "object_ownership"];

pub(super) fn adapt(cx: &mut Cx) {
    let mut buckets: Joiner<Bucket> = Joiner::new();

    for item in cx.instances("aws_s3_bucket") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut b = Bucket {
            name: t.field(&r, "bucket", "name", string).known(),
            acl: t
                .field(&r, "acl", "acl", string)
                .or_default("private".into()),
            ..Bucket::default()
        };
        // v3 inline settings.
        inline_grants(&mut b, &mut t, r);
        if let Some(doc) = t.document(r, "policy", "policy").known() {
            b.policy = Some(doc);
        }
        b.encryption.algorithm = Some("AES256".into());
        if let Some(sse) = r.block("server_side_encryption_configuration") {
            read_sse(&mut b, &mut t, &sse);
        }
        let name = b.name.clone();
        buckets.add(b, t, name.as_deref());
    }

    // Companion resources, each joined to its bucket (or standing alone when the bucket is unknown).
    for item in cx.instances("aws_s3_bucket_acl") {
        let r = &item.res;
        let (b, t) = buckets.join(&item, "bucket", &ORPHAN_UNKNOWN);
        if let Field::Known(acl) = t.field(&r, "acl", "acl", string) {
            b.acl = Some(acl);
            t.unknown_remove("acl");
        }
        if let Some(acp) = r.block("access_control_policy") {
            t.unknown_remove("acl");
            for g in acp.blocks("grant") {
                let path = format!("grants[{}]", b.grants.len());
                t.at(&path, g.span.clone());
                let grantee = g.block("grantee");
                let get = |name: &str| {
                    grantee
                        .as_ref()
                        .and_then(|ge| ge.attr(name))
                        .and_then(|(v, _)| string(&v))
                };
                b.grants.push(Grant {
                    grantee_type: get("type"),
                    uri: get("uri"),
                    id: get("id"),
                    permission: g.attr("permission").and_then(|(v, _)| string(&v)),
                });
            }
        }
    }

    for item in cx.instances("aws_s3_bucket_public_access_block") {
        let r = &item.res;
        let (b, t) = buckets.join(&item, "bucket", &ORPHAN_UNKNOWN);
        t.unknown_remove("public_access_block");
        let pab = &mut b.public_access_block;
        pab.configured = Some(true);
        let mut flag = |name: &str| {
            let path = format!("public_access_block.{name}");
            let f = t.field(&r, name, &path, boolean);
            if !f.is_written() {
                // Not written: false, as the provider defaults it; point at this resource's header.
                t.at(&path, r.span.clone());
            }
            f.or_default(false)
        };
        pab.block_public_acls = flag("block_public_acls");
        pab.block_public_policy = flag("block_public_policy");
        pab.ignore_public_acls = flag("ignore_public_acls");
        pab.restrict_public_buckets = flag("restrict_public_buckets");
    }

    for item in cx.instances("aws_s3_bucket_policy") {
        let r = &item.res;
        let (b, t) = buckets.join(&item, "bucket", &ORPHAN_UNKNOWN);
        t.unknown_remove("policy");
        if let Some(doc) = t.document(r, "policy", "policy").known() {
            b.policy = Some(doc);
        }
    }

    for item in cx.instances("aws_s3_bucket_ownership_controls") {
        let r = &item.res;
        let (b, t) = buckets.join(&item, "bucket", &ORPHAN_UNKNOWN);
        t.unknown_remove("object_ownership");
        if let Some(rule) = r.block("rule") {
            b.object_ownership = t
                .field(&rule, "object_ownership", "object_ownership", string)
                .known();
        }
    }

    for item in cx.instances("aws_s3_bucket_server_side_encryption_configuration") {
        let r = &item.res;
        let (b, t) = buckets.join(&item, "bucket", &ORPHAN_UNKNOWN);
        read_sse(b, t, r);
    }

    crate::adapt::s3::unknown_blocks(&mut buckets);
    cx.model.aws.s3.buckets = buckets.finish(&mut cx.locations);
}

/// v3 inline `grant { type, uri, id, permissions = [...] }` blocks: one model grant per permission.
fn inline_grants(b: &mut Bucket, t: &mut Tracker, r: &Res) {
    for g in r.blocks("grant") {
        let get = |name: &str| g.attr(name).and_then(|(v, _)| string(&v));
        let permissions = g
            .attr("permissions")
            .and_then(|(v, _)| strings(&v))
            .unwrap_or_default();
        for permission in permissions {
            t.at(format!("grants[{}]", b.grants.len()), g.span.clone());
            b.grants.push(Grant {
                grantee_type: get("type"),
                uri: get("uri"),
                id: get("id"),
                permission: Some(permission),
            });
        }
    }
}

/// `rule { apply_server_side_encryption_by_default { sse_algorithm, kms_master_key_id } }`.
fn read_sse(b: &mut Bucket, t: &mut Tracker, r: &Res) {
    let Some(default) = r
        .block("rule")
        .and_then(|rule| rule.block("apply_server_side_encryption_by_default"))
    else {
        return;
    };
    b.encryption.configured = true;
    t.at("encryption", r.span.clone());
    b.encryption.algorithm = t
        .field(&default, "sse_algorithm", "encryption.algorithm", string)
        .known();
    b.encryption.kms_key_id = t
        .field(
            &default,
            "kms_master_key_id",
            "encryption.kms_key_id",
            string,
        )
        .known();
}
