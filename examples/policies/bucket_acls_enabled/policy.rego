# METADATA
# title: S3 bucket with ACLs enabled
# description: |
#   With object ownership other than `BucketOwnerEnforced`, ACLs on the bucket and its objects still
#   grant access, so a single object ACL can share data outside the account's policies. Low: ACLs alone
#   share nothing, they keep a second way to share open.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
# custom:
#   id: ACME-S3-002
#   name: bucket-acls-enabled
#   severity: low
#   category: sharing
#   recommended_action: Set object_ownership = "BucketOwnerEnforced" in aws_s3_bucket_ownership_controls.
#   recommended_action_cloudformation: Set OwnershipControls.Rules[0].ObjectOwnership to BucketOwnerEnforced.
package acme.s3.bucket_acls_enabled

import data.preflight.lib

deny contains lib.result(b, "object_ownership", msg) if {
	some b in input.aws.s3.buckets
	b.object_ownership != "BucketOwnerEnforced"
	msg := sprintf("S3 bucket `%s` keeps ACLs enabled (object ownership `%s`)", [b.label, b.object_ownership])
}
