# METADATA
# title: SNS topic not encrypted with KMS
# description: |
#   Without server-side encryption, SNS keeps the messages it has not yet delivered unencrypted on its
#   storage. Topics often carry order events, alerts with hostnames and account IDs, or personal data sent
#   on to queues, email and SMS. Encrypting with a KMS key protects those messages at rest and adds a
#   second access check: publishers and subscribers also need permission on the key.
# custom:
#   id: AWS-SNS-001
#   name: sns-topic-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `kms_master_key_id` on the aws_sns_topic, either to `alias/aws/sns` (the AWS managed key) or to
#     a customer managed key whose key policy lets the publishing services (CloudWatch, EventBridge, S3
#     notifications) use it.
#   recommended_action_cloudformation: |
#     Set `KmsMasterKeyId` on the `AWS::SNS::Topic`, to `alias/aws/sns` or to a customer managed key
#     whose key policy lets the publishing services use it.
#   frameworks:
#     - AWS Foundational Security Best Practices SNS.1
package preflight.aws.sns.topic_not_encrypted

import data.preflight.lib

deny contains lib.result(t, "encrypted", msg) if {
	some t in input.aws.sns.topics
	t.encrypted == false
	msg := sprintf("SNS topic `%s` is not encrypted at rest", [t.label])
}

# An empty key ID (often a variable whose default is "") turns encryption off even though the attribute is
# written; report it where it is written unless `encrypted` already says false.
deny contains lib.result(t, "kms_master_key_id", msg) if {
	some t in input.aws.sns.topics
	t.kms_master_key_id == ""
	t.encrypted != false
	msg := sprintf("SNS topic `%s` is not encrypted at rest: its KMS key ID is empty", [t.label])
}
