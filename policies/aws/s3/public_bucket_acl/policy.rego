# METADATA
# title: S3 bucket readable or writable by everyone through its ACL
# description: |
#   A canned ACL such as public-read, or a grant to the AllUsers or AuthenticatedUsers group, lets anyone on
#   the internet (or anyone holding any AWS account) list and download the bucket's objects, and with write
#   permissions upload or overwrite them. The ACL takes effect unless the bucket's or the account's
#   public access block (aws_s3_account_public_access_block) ignores or blocks public ACLs, or object
#   ownership is BucketOwnerEnforced (which turns ACLs off). An ACL on a bucket defined outside the
#   scanned code is judged too, unless a block in the code neutralizes it. High, not critical: the
#   grant is usually read-only and a canned ACL is an explicit, visible choice.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: AWS-S3-001
#   name: public-bucket-acl
#   severity: high
#   category: public-access
#   fix:
#     attribute: acl
#     value: "private"
#     property: AccessControl
#     property_value: Private
#   recommended_action: |
#     Use the `private` ACL (or remove the ACL), set object ownership to BucketOwnerEnforced, and grant
#     access to named principals through a bucket policy. Serve public content through CloudFront with an
#     origin access control instead.
#   recommended_action_cloudformation: |
#     Remove `AccessControl` (or set it to `Private`), set `OwnershipControls` to
#     `BucketOwnerEnforced`, and grant access to named principals in an `AWS::S3::BucketPolicy`. Serve
#     public content through CloudFront with an origin access control instead.
#   frameworks:
#     - CIS AWS Foundations 2.1.4
#     - AWS Foundational Security Best Practices S3.2, S3.3
package preflight.aws.s3.public_bucket_acl

import data.preflight.lib
import data.preflight.lib.aws.s3

public_canned_acls := {
	"public-read": "anyone read its objects",
	"public-read-write": "anyone read and write its objects",
	"authenticated-read": "any AWS account read its objects",
}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "anyone",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "any AWS account",
}

# Reads, through lib.aws.s3: b.public_access_block, b.object_ownership, b.external, b.website, and the
# account blocks' a.block_public_acls and a.ignore_public_acls.
accounts := [a | some a in input.aws.s3.account_public_access_blocks]

deny contains lib.result(b, "acl", msg) if {
	some b in input.aws.s3.buckets
	what := public_canned_acls[b.acl]
	s3.public_acls_in_force(b, accounts)
	msg := sprintf("S3 bucket `%s` lets %s through its `%s` ACL%s", [b.label, what, b.acl, s3.context(b)])
}

deny contains lib.result(b, sprintf("grants[%d]", [i]), msg) if {
	some b in input.aws.s3.buckets
	some i, g in b.grants
	who := public_groups[g.uri]
	s3.public_acls_in_force(b, accounts)
	msg := sprintf("S3 bucket `%s` grants %s to %s through an ACL grant%s", [b.label, g.permission, who, s3.context(b)])
}
