# METADATA
# title: S3 bucket without its own public access block
# description: |
#   Acme's standard asks every bucket to carry an explicit public access block, so that a later change to
#   the account-level block cannot expose it.
# custom:
#   id: ACME-S3-001
#   name: bucket-without-public-access-block
#   severity: low
#   category: public-access
#   recommended_action: Add an aws_s3_bucket_public_access_block with all four flags set to true.
package acme.s3.pab_required

import data.preflight.lib

deny contains lib.result(b, "public_access_block", msg) if {
	some b in input.aws.s3.buckets
	b.public_access_block.configured == false
	msg := sprintf("S3 bucket `%s` has no public access block of its own", [b.label])
}
