# METADATA
# title: SNS topic encrypted with the AWS managed key
# description: |
#   A topic encrypted with `alias/aws/sns` stores its messages encrypted, but the key is the one AWS
#   manages for SNS in the account: its key policy cannot be changed, so it cannot be granted to the
#   services that publish to the topic (CloudWatch alarms, EventBridge, S3 notifications and other AWS
#   services cannot use it, and their messages are dropped), nor to another account, and every principal
#   allowed to use SNS can use the key. A customer managed key keeps a key policy under your control.
#   Low, because the messages are encrypted at rest either way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
# custom:
#   id: AWS-SNS-003
#   name: sns-topic-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_master_key_id` on the aws_sns_topic to a customer managed KMS key whose key policy lets the
#     publishing services use it, instead of `alias/aws/sns`.
#   recommended_action_cloudformation: |
#     Set `KmsMasterKeyId` on the `AWS::SNS::Topic` to a customer managed KMS key instead of
#     `alias/aws/sns`.
package preflight.aws.sns.topic_no_customer_key

import data.preflight.lib

deny contains lib.result(t, "kms_master_key_id", msg) if {
	some t in input.aws.sns.topics
	aws_managed(t.kms_master_key_id)
	msg := sprintf("SNS topic `%s` is encrypted with the AWS managed key aws/sns, not a customer managed key", [t.label])
}

aws_managed(key) if lower(key) == "alias/aws/sns"

aws_managed(key) if endswith(lower(key), ":alias/aws/sns")
