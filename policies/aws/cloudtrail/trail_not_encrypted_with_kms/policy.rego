# METADATA
# title: CloudTrail trail not encrypted with a KMS key
# description: |
#   CloudTrail log files are encrypted in their bucket by default, with keys S3 manages (SSE-S3): anyone
#   who can read the bucket can read the account's whole API history, including resource names, source
#   addresses and the parameters of calls. With a KMS key (SSE-KMS), readers also need permission to
#   decrypt with a key whose use is itself logged, which separates log readers from bucket
#   administrators. It is medium because trails often cover every region and account of an
#   organization, which makes their logs a prime target after a compromise.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
# custom:
#   id: AWS-CLOUDTRAIL-001
#   name: cloudtrail-not-encrypted-with-kms
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `kms_key_id` on the aws_cloudtrail to the ARN of a customer managed KMS key whose key policy
#     lets the CloudTrail service principal encrypt with it.
#   recommended_action_cloudformation: |
#     Set `KMSKeyId` on the `AWS::CloudTrail::Trail` to a customer managed KMS key whose key policy lets
#     CloudTrail encrypt with it.
#   frameworks:
#     - AWS Foundational Security Best Practices CloudTrail.2
#     - CIS AWS Foundations Benchmark (CloudTrail logs encrypted at rest with KMS keys)
package preflight.aws.cloudtrail.trail_not_encrypted_with_kms

import data.preflight.lib

deny contains lib.result(t, "key_type", msg) if {
	some t in input.aws.cloudtrail.trails
	t.key_type == "AWS_OWNED"
	msg := sprintf("CloudTrail trail `%s` has no KMS key: its log files are encrypted only with S3 managed keys (SSE-S3)", [t.label])
}
