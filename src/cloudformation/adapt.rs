//! CloudFormation resources → the normalized model, with the same trackers, joins and converters as the
//! Terraform adapters (`crate::terraform::adapt`). Entity ids are logical IDs.

use super::{resource_ids, Template};
use crate::json::{Kind, Node};
use crate::model::{Bucket, Locations, Model};
use crate::source::{FileId, Span};
use crate::terraform::adapt::{boolean, string, Field, Item, Joiner, Res};

/// Properties of a resource that has none.
static EMPTY: Node = Node {
    span: 0..0,
    kind: Kind::Object(Vec::new()),
};

/// Builds the model of one template.
pub fn adapt(file: FileId, tpl: &Template) -> (Model, Locations) {
    let mut model = Model::default();
    let mut locations = Locations::default();
    s3(file, tpl, &mut model, &mut locations);
    (model, locations)
}

/// The resources of type `rtype` as items located at their logical ID.
fn items<'t>(file: FileId, tpl: &'t Template<'t>, rtype: &str) -> Vec<Item<'t, 't>> {
    resource_ids(tpl, rtype)
        .into_iter()
        .map(|r| Item {
            address: r.logical_id.to_string(),
            label: r.logical_id.to_string(),
            res: Res::template(
                file,
                tpl,
                r.properties.unwrap_or(&EMPTY),
                Span::new(file, r.entry.key_span.clone()),
            ),
        })
        .collect()
}

/// `PublicRead` → `public-read`: canned ACL names as S3 spells them.
fn canned_acl(v: &crate::terraform::value::Value) -> Option<String> {
    let s = string(v)?;
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    Some(out)
}

fn s3(file: FileId, tpl: &Template, model: &mut Model, locations: &mut Locations) {
    let mut buckets: Joiner<Bucket> = Joiner::new();
    for item in items(file, tpl, "AWS::S3::Bucket") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut b = Bucket {
            name: t.field(r, "BucketName", "name", string).known(),
            acl: t
                .field(r, "AccessControl", "acl", canned_acl)
                .or_default("private".into()),
            ..Bucket::default()
        };
        b.encryption.algorithm = Some("AES256".into());
        if let Some(pab) = r.block("PublicAccessBlockConfiguration") {
            t.unknown_remove("public_access_block");
            b.public_access_block.configured = true;
            let mut flag = |name: &str, field: &str| {
                let path = format!("public_access_block.{field}");
                let f = t.field(&pab, name, &path, boolean);
                if !f.is_written() {
                    t.at(&path, pab.span.clone());
                }
                f.or_default(false)
            };
            b.public_access_block.block_public_acls = flag("BlockPublicAcls", "block_public_acls");
            b.public_access_block.block_public_policy =
                flag("BlockPublicPolicy", "block_public_policy");
            b.public_access_block.ignore_public_acls =
                flag("IgnorePublicAcls", "ignore_public_acls");
            b.public_access_block.restrict_public_buckets =
                flag("RestrictPublicBuckets", "restrict_public_buckets");
        }
        if let Some(default) = r
            .block("BucketEncryption")
            .and_then(|e| e.block("ServerSideEncryptionConfiguration"))
            .and_then(|c| c.block("ServerSideEncryptionByDefault"))
        {
            b.encryption.configured = true;
            b.encryption.algorithm = t
                .field(&default, "SSEAlgorithm", "encryption.algorithm", string)
                .known();
            b.encryption.kms_key_id = t
                .field(&default, "KMSMasterKeyID", "encryption.kms_key_id", string)
                .known();
        }
        if let Some(rule) = r.block("OwnershipControls").and_then(|o| o.block("Rules")) {
            b.object_ownership = t
                .field(&rule, "ObjectOwnership", "object_ownership", string)
                .known();
        }
        let name = b.name.clone();
        buckets.add(b, t, name.as_deref());
    }
    for item in items(file, tpl, "AWS::S3::BucketPolicy") {
        let (b, t) = buckets.join(
            &item,
            "Bucket",
            &["acl", "public_access_block", "object_ownership"],
        );
        t.unknown_remove("policy");
        if let Field::Known(doc) = t.document(&item.res, "PolicyDocument", "policy") {
            b.policy = Some(doc);
        }
    }
    model.aws.s3.buckets = buckets.finish(locations);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canned_acl_names() {
        use crate::terraform::value::Value;
        assert_eq!(
            canned_acl(&Value::str("PublicReadWrite")).as_deref(),
            Some("public-read-write")
        );
        assert_eq!(
            canned_acl(&Value::str("Private")).as_deref(),
            Some("private")
        );
    }
}
