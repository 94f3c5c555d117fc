# METADATA
# title: CloudWatch log group not encrypted with a customer managed key
# description: |
#   CloudWatch Logs always encrypts log events, by default with keys the service owns. Application logs
#   end up holding request bodies, tokens that slipped into debug output, and customer identifiers; with
#   a customer managed KMS key, reading them also needs permission on the key, each use is logged in
#   CloudTrail, and disabling the key cuts off access in an incident. The data is already encrypted with
#   an AWS key, which is why this is a low finding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
# custom:
#   id: AWS-CLOUDWATCH-001
#   name: cloudwatch-log-group-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_id` on the aws_cloudwatch_log_group to the ARN of a customer managed KMS key whose key
#     policy lets the `logs.<region>.amazonaws.com` service principal use it.
#   recommended_action_cloudformation: |
#     Set `KmsKeyId` on the `AWS::Logs::LogGroup` to the ARN of a customer managed KMS key whose key
#     policy lets CloudWatch Logs use it.
package preflight.aws.cloudwatch.log_group_no_customer_key

import data.preflight.lib

deny contains lib.result(g, "key_type", msg) if {
	some g in input.aws.cloudwatch.log_groups
	g.key_type == "AWS_OWNED"
	msg := sprintf("CloudWatch log group `%s` is encrypted with keys CloudWatch Logs owns, not a customer managed key", [g.label])
}
