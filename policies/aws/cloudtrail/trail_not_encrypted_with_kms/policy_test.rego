package preflight.aws.cloudtrail.trail_not_encrypted_with_kms_test

import data.preflight.aws.cloudtrail.trail_not_encrypted_with_kms as p

trail(extra) := object.union({"id": "aws_cloudtrail.org", "label": "org", "unknown": []}, extra)

deny_for(t) := results if {
	results := p.deny with input as {"aws": {"cloudtrail": {"trails": [t]}}}
}

test_sse_s3_denied if {
	results := deny_for(trail({"key_type": "AWS_OWNED"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
	r.message == "CloudTrail trail `org` has no KMS key: its log files are encrypted only with S3 managed keys (SSE-S3)"
}

test_kms_key_allowed if {
	count(deny_for(trail({"key_type": "CUSTOMER_MANAGED", "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/1"}))) == 0
}

test_unknown_silent if count(deny_for(trail({"unknown": ["key_type", "kms_key_id"]}))) == 0
