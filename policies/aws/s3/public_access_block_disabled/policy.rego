# METADATA
# title: S3 bucket public access block with protections turned off
# description: |
#   The bucket-level public access block is the switch that keeps ACLs and bucket policies from making data
#   public by mistake. When a bucket writes an aws_s3_bucket_public_access_block but leaves some of its four
#   flags off, a later public-read ACL or a bucket policy with Principal "*" takes effect instead of being
#   refused or ignored. Terraform defaults every flag it is not told about to false, so a block with flags
#   left out is weaker than the one AWS applies to new buckets on its own. Medium: the block is a safety
#   net; what exposes data is a public ACL or policy, which AWS-S3-001 and AWS-S3-003 report.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: AWS-S3-002
#   name: s3-public-access-block-disabled
#   severity: medium
#   category: public-access
#   recommended_action: |
#     In the bucket's aws_s3_bucket_public_access_block, set `block_public_acls`, `block_public_policy`,
#     `ignore_public_acls` and `restrict_public_buckets` to `true`. If the bucket really must serve public
#     content, prefer CloudFront with an origin access control over relaxing the block.
#   recommended_action_cloudformation: |
#     In the bucket's `PublicAccessBlockConfiguration`, set `BlockPublicAcls`, `BlockPublicPolicy`,
#     `IgnorePublicAcls` and `RestrictPublicBuckets` to `true`. If content must be public, put
#     CloudFront with an origin access control in front of a private bucket.
#   frameworks:
#     - CIS AWS Foundations 2.1.4
#     - AWS Foundational Security Best Practices S3.8
package preflight.aws.s3.public_access_block_disabled

import data.preflight.lib

# The four flags, in the order Terraform documents them; the finding points at the first one turned off.
flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

deny contains lib.result(b, sprintf("public_access_block.%s", [disabled[0]]), msg) if {
	some b in input.aws.s3.buckets
	b.public_access_block.configured == true
	disabled := [f | some f in flags; b.public_access_block[f] == false]
	count(disabled) > 0
	msg := sprintf("S3 bucket `%s` has a public access block with %s turned off", [b.label, lib.code_list(disabled)])
}
