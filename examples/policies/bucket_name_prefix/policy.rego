# METADATA
# title: S3 bucket named without the team prefix
# description: |
#   Acme's organization-wide bucket policies, cost reports and data-loss scans select buckets by a
#   name that starts with `acme-` and the owning team (`acme-payments-invoices`): a bucket named
#   otherwise, or left for the provider to name, falls outside all of them. Low: the name grants no
#   access by itself, it takes the bucket out of the controls that are keyed on names.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
# custom:
#   id: ACME-NAME-001
#   name: bucket-name-without-team-prefix
#   severity: low
#   category: sharing
#   input: raw
#   recommended_action: Set `bucket` (or `bucket_prefix`) to a name that starts with `acme-<team>-`.
#   recommended_action_cloudformation: Set BucketName to a name that starts with `acme-<team>-`.
package acme.naming.bucket_name_prefix

import data.preflight.lib

# The attributes that name a bucket, per resource type.
name_keys := {
	"aws_s3_bucket": ["bucket", "bucket_prefix"],
	"AWS::S3::Bucket": ["BucketName"],
}

# `acme-`, a team of lower-case letters and digits, `-`.
team_prefix := `^acme-[a-z0-9]+-`

deny contains lib.result(r, key, msg) if {
	some r in input.resources
	some key in name_keys[r.type]
	name := r.attributes[key]
	is_string(name)
	not regex.match(team_prefix, name)
	msg := sprintf("S3 bucket `%s` is named `%s`, without the `acme-<team>-` prefix", [r.address, name])
}

# Left out: the provider then picks a random name, which never has the prefix.
deny contains lib.result(r, name_keys[r.type][0], msg) if {
	some r in input.resources
	name_keys[r.type]
	not named(r)
	not name_unknown(r)
	msg := sprintf("S3 bucket `%s` has no name, so it gets one without the `acme-<team>-` prefix", [r.address])
}

named(r) if {
	some key in name_keys[r.type]
	lib.has_key(r.attributes, key)
}

name_unknown(r) if {
	some key in name_keys[r.type]
	lib.unknown_under(r, key)
}
