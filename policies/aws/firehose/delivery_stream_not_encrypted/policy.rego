# METADATA
# title: Firehose delivery stream not encrypted at rest
# description: |
#   A Firehose stream that producers write to directly (`DirectPut`) holds their records until it
#   delivers them, and for up to 24 hours when the destination is unavailable. Without server-side
#   encryption those buffered records are not encrypted with a key you can see or control. Streams fed
#   by a Kinesis data stream or MSK are not reported: Firehose does not store their records at rest and
#   their encryption is the source's. It is medium because the exposure is limited to buffered data.
# related_resources:
#   - ref: https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
# custom:
#   id: AWS-FIREHOSE-001
#   name: firehose-delivery-stream-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Add `server_side_encryption { enabled = true }` to the aws_kinesis_firehose_delivery_stream, with
#     `key_type = "CUSTOMER_MANAGED_CMK"` and `key_arn` for a key of your own.
#   recommended_action_cloudformation: |
#     Add `DeliveryStreamEncryptionConfigurationInput` with `KeyType: AWS_OWNED_CMK`, or
#     `CUSTOMER_MANAGED_CMK` and `KeyARN`, to the `AWS::KinesisFirehose::DeliveryStream`.
#   frameworks:
#     - AWS Foundational Security Best Practices DataFirehose.1
package preflight.aws.firehose.delivery_stream_not_encrypted

import data.preflight.lib

deny contains lib.result(s, "encrypted", msg) if {
	some s in input.aws.firehose.delivery_streams
	s.source == "DirectPut"
	s.encrypted == false
	msg := sprintf("Firehose delivery stream `%s` does not encrypt the records it holds: server-side encryption is off", [s.label])
}
