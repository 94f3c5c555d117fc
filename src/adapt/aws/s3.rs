//! S3 access points (`aws_s3_access_point`, `AWS::S3::AccessPoint`) and the Terraform access point
//! policy companion (`aws_s3control_access_point_policy`). Runs after the buckets are adapted: an access
//! point is linked to its bucket in the model by reference or by name.

use crate::adapt::{boolean, string, Field, Format, Joiner, Source, Target};
use crate::model::{AccessPoint, Bucket, PublicAccessBlock};
use crate::terraform::value::Value;

/// The four flags: (model and Terraform name, CloudFormation name).
const FLAGS: [(&str, &str); 4] = [
    ("block_public_acls", "BlockPublicAcls"),
    ("block_public_policy", "BlockPublicPolicy"),
    ("ignore_public_acls", "IgnorePublicAcls"),
    ("restrict_public_buckets", "RestrictPublicBuckets"),
];

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut points: Joiner<AccessPoint> = Joiner::new();
    for item in src.items("aws_s3_access_point", "AWS::S3::AccessPoint") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut ap = AccessPoint {
            name: t.field(r, ("name", "Name"), "name", string).known(),
            ..AccessPoint::default()
        };
        if let Some((v, _)) = r.attr(("bucket", "Bucket")) {
            let (name, id) = bucket_link(&src.model().aws.s3.buckets, &v);
            ap.bucket = name;
            ap.bucket_id = id;
        }
        ap.network_origin = match t.block(
            r,
            ("vpc_configuration", "VpcConfiguration"),
            "network_origin",
        ) {
            Field::Known(_) => Some("VPC".into()),
            Field::NotWritten => Some("Internet".into()),
            Field::Unknown => None,
        };
        let holder = (
            "public_access_block_configuration",
            "PublicAccessBlockConfiguration",
        );
        ap.public_access_block = match t.block(r, holder, "public_access_block") {
            // Not written: AWS turns every setting on for a new access point.
            Field::NotWritten => block(|_| Some(true)),
            Field::Unknown => PublicAccessBlock {
                configured: None,
                ..PublicAccessBlock::default()
            },
            Field::Known(pab) => {
                // A flag left out of a written block: the Terraform provider defaults it to `true`;
                // CloudFormation sends nothing, which S3 takes as `false`.
                let default = pab.format() == Format::Terraform;
                block(|(name, cfn)| {
                    let path = format!("public_access_block.{name}");
                    let f = t.field(&pab, (name, cfn), &path, boolean);
                    if !f.is_written() {
                        t.at(&path, pab.span.clone());
                    }
                    f.or_default(default)
                })
            }
        };
        ap.policy = t.document(r, ("policy", "Policy"), "policy").known();
        let name = ap.name.clone();
        points.add(ap, t, name.as_deref());
    }

    for item in src.items("aws_s3control_access_point_policy", "") {
        let r = &item.res;
        let found = r
            .attr("access_point_arn")
            .and_then(|(v, _)| points.find(&access_point_target(&v)));
        let i = match found {
            Some(i) => i,
            None => {
                // The access point is outside the scanned code: its block is unknown.
                let (ap, _) = points.join(
                    &item,
                    "access_point_arn",
                    &["public_access_block", "network_origin"],
                );
                ap.public_access_block.configured = None;
                points.items.len() - 1
            }
        };
        let (ap, t) = &mut points.items[i];
        if let Some(doc) = t.document(r, "policy", "policy").known() {
            ap.policy = Some(doc);
        }
    }

    let points = points.finish(src.locations());
    src.model().aws.s3.access_points.extend(points);
}

/// A public access block whose four flags `flag` gives.
fn block(mut flag: impl FnMut((&str, &str)) -> Option<bool>) -> PublicAccessBlock {
    PublicAccessBlock {
        configured: Some(true),
        block_public_acls: flag(FLAGS[0]),
        block_public_policy: flag(FLAGS[1]),
        ignore_public_acls: flag(FLAGS[2]),
        restrict_public_buckets: flag(FLAGS[3]),
    }
}

/// The bucket's name and, when the bucket is in the model, its entity id.
fn bucket_link(buckets: &[Bucket], v: &Value) -> (Option<String>, Option<String>) {
    match v {
        Value::Ref(r) => buckets
            .iter()
            .find(|b| b.meta.id == r.address)
            .map_or((None, None), |b| (b.name.clone(), Some(b.meta.id.clone()))),
        Value::String(s) => {
            let id = buckets
                .iter()
                .find(|b| b.name.as_deref() == Some(s) && !b.external)
                .map(|b| b.meta.id.clone());
            (Some(s.clone()), id)
        }
        _ => (None, None),
    }
}

/// An access point named by reference, by ARN (`arn:aws:s3:region:account:accesspoint/name`) or by name.
fn access_point_target(v: &Value) -> Target {
    match v {
        Value::Ref(r) => Target::Address(r.address.clone()),
        Value::String(s) => Target::Name(
            s.rsplit_once("accesspoint/")
                .map_or(s.as_str(), |(_, n)| n)
                .to_string(),
        ),
        _ => Target::Unknown,
    }
}
