package preflight.aws.s3.bucket_no_default_encryption_test

import data.preflight.aws.s3.bucket_no_default_encryption as p

bucket(encryption, unknown) := {
	"id": "aws_s3_bucket.invoices",
	"label": "invoices",
	"unknown": unknown,
	"encryption": encryption,
}

deny_for(b) := results if {
	results := p.deny with input as {"aws": {"s3": {"buckets": [b]}}}
}

test_not_configured_denied if {
	results := deny_for(bucket({"configured": false, "algorithm": "AES256"}, []))
	count(results) == 1
	some r in results
	r.path == "encryption"
	contains(r.message, "S3 already encrypts new objects with SSE-S3 (since January 2023)")
}

test_kms_allowed if count(deny_for(bucket({"configured": true, "algorithm": "aws:kms"}, []))) == 0

test_explicit_sse_s3_allowed if count(deny_for(bucket({"configured": true, "algorithm": "AES256"}, []))) == 0

test_unknown_silent if count(deny_for(bucket({}, ["encryption"]))) == 0
