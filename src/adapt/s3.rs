//! S3 bucket rules that the Terraform and CloudFormation adapters share.

use super::Joiner;
use crate::model::Bucket;

/// A bucket whose public access block is unknown (the bucket is outside the scanned code) has no
/// `configured` value: policies cannot conclude that nothing blocks public access.
pub(crate) fn unknown_blocks(buckets: &mut Joiner<Bucket>) {
    for (b, t) in &mut buckets.items {
        if t.is_unknown("public_access_block") {
            b.public_access_block.configured = None;
        }
    }
}

/// A bucket outside the scanned code is named in messages by its bucket name when the code gives it
/// (not by the label of the companion resource that stands for it).
pub(crate) fn label_external(buckets: &mut [Bucket]) {
    for b in buckets.iter_mut().filter(|b| b.external) {
        if let Some(name) = &b.name {
            b.meta.label = name.clone();
        }
    }
}
