package acme.s3.bucket_acls_enabled_test

import data.acme.s3.bucket_acls_enabled as policy

bucket(extra) := {"aws": {"s3": {"buckets": [object.union({"id": "aws_s3_bucket.b", "label": "b", "unknown": []}, extra)]}}}

test_object_writer_denied if {
	count(policy.deny) == 1 with input as bucket({"object_ownership": "ObjectWriter"})
}

test_enforced_allowed if {
	count(policy.deny) == 0 with input as bucket({"object_ownership": "BucketOwnerEnforced"})
}

# Left out: S3 has disabled ACLs on new buckets by default since April 2023.
test_left_out_allowed if {
	count(policy.deny) == 0 with input as bucket({})
}

test_unknown_silent if {
	count(policy.deny) == 0 with input as bucket({"unknown": ["object_ownership"]})
}
