# METADATA
# title: S3 bucket readable or writable by everyone through its ACL
# description: |
#   A canned ACL such as public-read, or a grant to the AllUsers or AuthenticatedUsers group, lets anyone on
#   the internet (or anyone holding any AWS account) list and download the bucket's objects, and with write
#   permissions upload or overwrite them. The ACL takes effect unless the bucket's public access block
#   ignores or blocks public ACLs, or object ownership is BucketOwnerEnforced (which turns ACLs off).
# custom:
#   id: AWS-S3-001
#   name: public-bucket-acl
#   severity: high
#   category: public-access
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

public_canned_acls := {
	"public-read": "anyone read its objects",
	"public-read-write": "anyone read and write its objects",
	"authenticated-read": "any AWS account read its objects",
}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "anyone",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "any AWS account",
}

# The public access block leaves public ACLs in force: not configured, or both ACL flags known false.
pab_allows_public_acls(b) if b.public_access_block.configured == false

pab_allows_public_acls(b) if {
	b.public_access_block.block_public_acls == false
	b.public_access_block.ignore_public_acls == false
}

# ACLs are in force unless object ownership is BucketOwnerEnforced.
acls_enabled(b) if lib.not_written(b, "object_ownership")

acls_enabled(b) if b.object_ownership != "BucketOwnerEnforced"

acl_exposed(b) if {
	pab_allows_public_acls(b)
	acls_enabled(b)
}

deny contains lib.result(b, "acl", msg) if {
	some b in input.aws.s3.buckets
	what := public_canned_acls[b.acl]
	acl_exposed(b)
	msg := sprintf("S3 bucket `%s` lets %s through its `%s` ACL", [b.label, what, b.acl])
}

deny contains lib.result(b, sprintf("grants[%d]", [i]), msg) if {
	some b in input.aws.s3.buckets
	some i, g in b.grants
	who := public_groups[g.uri]
	acl_exposed(b)
	msg := sprintf("S3 bucket `%s` grants %s to %s through an ACL grant", [b.label, g.permission, who])
}
