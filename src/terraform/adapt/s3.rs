//! S3 buckets, joined with their v4 companion resources by reference or by literal bucket name; the
//! objects the code uploads, joined to their bucket; the account-level public access block.

use super::Cx;
use crate::adapt::{boolean, string, strings, target, Field, Item, Joiner, Res, Tracker};
use crate::model::{AccountPublicAccessBlock, Bucket, Grant, Object};
use crate::terraform::value::Value;

/// What a bucket standing on its own (its bucket not in this module) cannot tell.
const ORPHAN_UNKNOWN: [&str; 6] = [
    "acl",
    "public_access_block",
    "policy",
    "object_ownership",
    "encryption",
    "website",
];

/// The bucket companion `item` configures (by its `bucket` argument), or one standing for a bucket
/// outside the scanned code, named after the literal bucket name when there is one.
fn join<'j>(buckets: &'j mut Joiner<Bucket>, item: &Item) -> &'j mut (Bucket, Tracker) {
    let value = item.res.attr("bucket").map(|(v, _)| v);
    let found = value.as_ref().and_then(|v| buckets.find(&target(v)));
    let joined = buckets.join(item, "bucket", &ORPHAN_UNKNOWN);
    if found.is_none() {
        // A new entity for a bucket outside the scan.
        joined.0.external = true;
        if let Some(Value::String(s)) = value {
            joined.0.name = Some(s);
        }
    }
    joined
}

pub(super) fn adapt(cx: &mut Cx) {
    let mut buckets: Joiner<Bucket> = Joiner::merging();

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
        b.encryption.configured = Some(false);
        if let Some(sse) = r.block("server_side_encryption_configuration") {
            read_sse(&mut b, &mut t, &sse);
        }
        b.website = Some(false);
        if let Some(site) = r.block("website") {
            // v3 inline website: `index_document` serves objects, `redirect_all_requests_to` alone does not.
            t.at("website", site.span.clone());
            b.website = Some(!site.has("redirect_all_requests_to") || site.has("index_document"));
        }
        let name = b.name.clone();
        buckets.add(b, t, name.as_deref());
    }
    // Companion resources, each joined to its bucket (or standing alone when the bucket is unknown).
    // The policy comes first: a bucket outside the code is reported under the companion that made it.
    for item in cx.instances("aws_s3_bucket_policy") {
        let r = &item.res;
        let (b, t) = join(&mut buckets, &item);
        t.unknown_remove("policy");
        if let Some(doc) = t.document(r, "policy", "policy").known() {
            b.policy = Some(doc);
        }
    }

    for item in cx.instances("aws_s3_bucket_acl") {
        let r = &item.res;
        let (b, t) = join(&mut buckets, &item);
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
        let (b, t) = join(&mut buckets, &item);
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

    for item in cx.instances("aws_s3_bucket_ownership_controls") {
        let r = &item.res;
        let (b, t) = join(&mut buckets, &item);
        t.unknown_remove("object_ownership");
        if let Some(rule) = r.block("rule") {
            b.object_ownership = t
                .field(&rule, "object_ownership", "object_ownership", string)
                .known();
        }
    }

    for item in cx.instances("aws_s3_bucket_server_side_encryption_configuration") {
        let r = &item.res;
        let (b, t) = join(&mut buckets, &item);
        read_sse(b, t, r);
    }

    for item in cx.instances("aws_s3_bucket_website_configuration") {
        let r = &item.res;
        let (b, t) = join(&mut buckets, &item);
        t.unknown_remove("website");
        t.at("website", r.span.clone());
        // Only `redirect_all_requests_to` written: every request is sent elsewhere, no object is served.
        let redirect_only = r.block("redirect_all_requests_to").is_some()
            && r.block("index_document").is_none()
            && r.block("routing_rule").is_none()
            && !r.has("routing_rules");
        b.website = Some(!redirect_only);
    }

    objects(cx, &buckets);
    account_blocks(cx);
    crate::adapt::s3::unknown_blocks(&mut buckets);
    cx.model.aws.s3.buckets = buckets.finish(&mut cx.locations);
    crate::adapt::s3::label_external(&mut cx.model.aws.s3.buckets);
}

/// Objects the code uploads, with their ACL: each joined to its bucket when the bucket is in the scan.
fn objects(cx: &mut Cx, buckets: &Joiner<Bucket>) {
    for rtype in [
        "aws_s3_object",
        "aws_s3_bucket_object",
        "aws_s3_object_copy",
    ] {
        for item in cx.instances(rtype) {
            let r = &item.res;
            let mut t = item.tracker();
            let mut o = Object {
                key: t.field(r, "key", "key", string).known(),
                // No ACL written: S3 stores the object `private`.
                acl: t
                    .field(r, "acl", "acl", string)
                    .or_default("private".into()),
                ..Object::default()
            };
            if let Some((v, _)) = r.attr("bucket") {
                if let Some(i) = buckets.find(&target(&v)) {
                    let (b, bt) = &buckets.items[i];
                    o.bucket_id = Some(bt.id().to_string());
                    o.bucket = b.name.clone();
                }
                if let (None, Value::String(s)) = (&o.bucket, &v) {
                    o.bucket = Some(s.clone());
                }
            }
            if rtype == "aws_s3_object_copy" {
                // `grant { type, uri, permissions = [...] }`, as on a v3 bucket.
                for g in r.blocks("grant") {
                    let get = |name: &str| g.attr(name).and_then(|(v, _)| string(&v));
                    let permissions = g
                        .attr("permissions")
                        .and_then(|(v, _)| strings(&v))
                        .unwrap_or_default();
                    for permission in permissions {
                        t.at(format!("grants[{}]", o.grants.len()), g.span.clone());
                        o.grants.push(Grant {
                            grantee_type: get("type"),
                            uri: get("uri"),
                            id: get("id"),
                            permission: Some(permission),
                        });
                    }
                }
            }
            o.meta = t.finish(&mut cx.locations);
            cx.model.aws.s3.objects.push(o);
        }
    }
}

/// `aws_s3_account_public_access_block`: every flag the provider defaults to `false`.
fn account_blocks(cx: &mut Cx) {
    for item in cx.instances("aws_s3_account_public_access_block") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut flag = |name: &str| t.field(r, name, name, boolean).or_default(false);
        let mut a = AccountPublicAccessBlock {
            block_public_acls: flag("block_public_acls"),
            block_public_policy: flag("block_public_policy"),
            ignore_public_acls: flag("ignore_public_acls"),
            restrict_public_buckets: flag("restrict_public_buckets"),
            ..AccountPublicAccessBlock::default()
        };
        a.account_id = t.field(r, "account_id", "account_id", string).known();
        a.meta = t.finish(&mut cx.locations);
        cx.model.aws.s3.account_public_access_blocks.push(a);
    }
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

/// `rule { apply_server_side_encryption_by_default { sse_algorithm, kms_master_key_id } }`. The block (or
/// the companion resource) exists only to set default encryption, so its presence configures it; a rule
/// that cannot be read (a `dynamic` block over values known only in part) leaves the algorithm unknown.
fn read_sse(b: &mut Bucket, t: &mut Tracker, r: &Res) {
    b.encryption.configured = Some(true);
    t.unknown_remove("encryption");
    t.at("encryption", r.span.clone());
    let Some(default) = r
        .block("rule")
        .and_then(|rule| rule.block("apply_server_side_encryption_by_default"))
    else {
        b.encryption.algorithm = None;
        t.mark_unknown("encryption.algorithm");
        return;
    };
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
