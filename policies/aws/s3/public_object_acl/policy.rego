# METADATA
# title: S3 object readable or writable by everyone through its ACL
# description: |
#   An object uploaded with a public canned ACL (public-read, public-read-write, authenticated-read) or
#   with a grant to the AllUsers or AuthenticatedUsers group can be downloaded by anyone who knows its URL,
#   whatever the bucket's own ACL and policy say. It is the classic single-file leak: one report or backup
#   made public while the bucket looks private. The ACL has no effect when the bucket's or the account's
#   public access block blocks or ignores public ACLs, or when the bucket's object ownership is
#   BucketOwnerEnforced (ACLs off); an object whose bucket is not in the scanned code is judged unless an
#   account-level block in the code neutralizes the ACL. High: the file is readable by anyone on the
#   internet, though only that one object.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
# custom:
#   id: AWS-S3-004
#   name: s3-public-object-acl
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove `acl` from the aws_s3_object (or set it to `private`) and drop grants to the AllUsers and
#     AuthenticatedUsers groups. Set the bucket's object ownership to `BucketOwnerEnforced` and turn on
#     `block_public_acls` and `ignore_public_acls` in its aws_s3_bucket_public_access_block. Share single
#     files with presigned URLs or through CloudFront with an origin access control.
#   frameworks:
#     - AWS Foundational Security Best Practices S3.2, S3.3
package preflight.aws.s3.public_object_acl

import data.preflight.lib
import data.preflight.lib.aws.s3

public_canned_acls := {
	"public-read": "anyone read it",
	"public-read-write": "anyone read it",
	"authenticated-read": "any AWS account read it",
}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "anyone",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "any AWS account",
}

# Reads, through lib.aws.s3: o.bucket_id, and of its bucket b.public_access_block, b.object_ownership,
# b.external; the account blocks' a.block_public_acls and a.ignore_public_acls.
accounts := [a | some a in input.aws.s3.account_public_access_blocks]

buckets := [b | some b in input.aws.s3.buckets]

deny contains lib.result(o, "acl", msg) if {
	some o in input.aws.s3.objects
	what := public_canned_acls[o.acl]
	s3.object_acl_in_force(o, buckets, accounts)
	msg := sprintf("S3 object `%s` lets %s through its `%s` ACL%s", [o.label, what, o.acl, where(o)])
}

deny contains lib.result(o, sprintf("grants[%d]", [i]), msg) if {
	some o in input.aws.s3.objects
	some i, g in o.grants
	who := public_groups[g.uri]
	s3.object_acl_in_force(o, buckets, accounts)
	msg := sprintf("S3 object `%s` grants %s to %s through an ACL grant%s", [o.label, g.permission, who, where(o)])
}

# Where the object lives, for the message.
where(o) := sprintf(" (key `%s` in bucket `%s`)", [o.key, o.bucket]) if {
	o.key
	o.bucket
} else := sprintf(" (key `%s`)", [o.key]) if {
	o.key
} else := ""
