package acme.naming.bucket_name_prefix_test

import data.acme.naming.bucket_name_prefix as policy

bucket(type, attributes, unknown) := {"resources": [{
	"id": "r", "type": type, "name": "r", "address": "r", "file": "main.tf",
	"format": "terraform", "attributes": attributes, "unknown": unknown,
}]}

test_name_without_prefix_denied if {
	count(policy.deny) == 1 with input as bucket("aws_s3_bucket", {"bucket": "invoices"}, [])
	count(policy.deny) == 1 with input as bucket("aws_s3_bucket", {"bucket_prefix": "acme-"}, [])
	count(policy.deny) == 1 with input as bucket("AWS::S3::Bucket", {"BucketName": "acme-Payments-x"}, [])
}

test_prefixed_name_allowed if {
	count(policy.deny) == 0 with input as bucket("aws_s3_bucket", {"bucket": "acme-payments-invoices"}, [])
	count(policy.deny) == 0 with input as bucket("aws_s3_bucket", {"bucket_prefix": "acme-data-"}, [])
	count(policy.deny) == 0 with input as bucket("AWS::S3::Bucket", {"BucketName": "acme-data-lake"}, [])
}

# Left out: the provider names the bucket at random.
test_left_out_denied if {
	count(policy.deny) == 1 with input as bucket("aws_s3_bucket", {"tags": {}}, [])
	count(policy.deny) == 1 with input as bucket("AWS::S3::Bucket", {}, [])
}

test_unknown_silent if {
	count(policy.deny) == 0 with input as bucket("aws_s3_bucket", {}, ["bucket"])
	count(policy.deny) == 0 with input as bucket("AWS::S3::Bucket", {}, ["BucketName"])
}

test_other_types_ignored if {
	count(policy.deny) == 0 with input as bucket("aws_s3_bucket_policy", {"bucket": "invoices"}, [])
}
