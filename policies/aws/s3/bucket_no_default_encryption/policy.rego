# METADATA
# title: S3 bucket without a default encryption setting
# description: |
#   Since January 2023 S3 encrypts every new object with SSE-S3 (keys that S3 holds) when the bucket says
#   nothing else, so the objects are not stored in clear. What a bucket without a default encryption
#   setting lacks is a choice of key: with SSE-KMS and a customer managed key, every decryption is logged
#   in CloudTrail, a key policy decides which roles may read the data, and disabling the key cuts off
#   access in an incident. Low: the data is already encrypted at rest with a key AWS manages.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
# custom:
#   id: AWS-S3-006
#   name: s3-bucket-no-default-encryption
#   severity: low
#   category: encryption
#   recommended_action: |
#     Add an aws_s3_bucket_server_side_encryption_configuration for the bucket with a `rule` whose
#     `apply_server_side_encryption_by_default` sets `sse_algorithm = "aws:kms"` and `kms_master_key_id`
#     to a customer managed key (and `bucket_key_enabled = true` to keep KMS costs down).
#   recommended_action_cloudformation: |
#     Add `BucketEncryption` to the `AWS::S3::Bucket` with a `ServerSideEncryptionConfiguration` rule
#     whose `ServerSideEncryptionByDefault` sets `SSEAlgorithm: aws:kms` and `KMSMasterKeyID` to a
#     customer managed key (and `BucketKeyEnabled: true`).
#   frameworks:
#     - AWS Foundational Security Best Practices S3.17
package preflight.aws.s3.bucket_no_default_encryption

import data.preflight.lib

deny contains lib.result(b, "encryption", msg) if {
	some b in input.aws.s3.buckets
	b.encryption.configured == false
	msg := sprintf("S3 bucket `%s` has no default encryption setting: S3 already encrypts new objects with SSE-S3 (since January 2023), but no KMS key of yours controls or logs access", [b.label])
}
