# METADATA
# title: Amazon MQ for ActiveMQ broker not encrypted with a customer managed key
# description: |
#   Amazon MQ always encrypts a broker's message storage, by default with a key AWS owns and that never
#   appears in the account; with `use_aws_owned_key = false` and no key named, with the account's
#   AWS managed key `aws/mq`. Neither has a key policy of yours, so no key grant or CloudTrail record of
#   key use stands between the stored messages and whoever administers the broker, and the key cannot be
#   disabled to cut access. ActiveMQ brokers accept a customer managed key; RabbitMQ brokers support only
#   AWS owned keys and are not reported. Low, because the data is encrypted at rest either way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/data-protection.html
# custom:
#   id: AWS-MQ-002
#   name: mq-broker-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     On the aws_mq_broker, add `encryption_options { use_aws_owned_key = false, kms_key_id = <key ARN> }`
#     naming a customer managed KMS key (set when the broker is created).
#   recommended_action_cloudformation: |
#     On the `AWS::AmazonMQ::Broker`, set `EncryptionOptions` with `UseAwsOwnedKey: false` and `KmsKeyId`
#     naming a customer managed KMS key.
package preflight.aws.mq.broker_no_customer_key

import data.preflight.lib

holders := {
	"AWS_OWNED": "a key AWS owns",
	"AWS_MANAGED": "the AWS managed key aws/mq",
}

deny contains lib.result(b, "key_type", msg) if {
	some b in input.aws.mq.brokers
	b.engine_type == "ActiveMQ"
	holder := holders[b.key_type]
	msg := sprintf("Amazon MQ broker `%s` encrypts its messages with %s, not a customer managed key", [b.label, holder])
}
