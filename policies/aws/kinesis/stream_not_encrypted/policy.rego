# METADATA
# title: Kinesis data stream not encrypted at rest
# description: |
#   Kinesis Data Streams does not encrypt records unless server-side encryption is turned on, and it keeps
#   them for the whole retention period (24 hours by default, up to a year). Streams carry clickstreams,
#   application events and change data captured from databases, often with personal data. Encrypting
#   with KMS protects the stored records and makes readers also need permission on the key. It is medium
#   because the records are unencrypted at rest but still reachable only with Kinesis permissions.
# related_resources:
#   - ref: https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html
# custom:
#   id: AWS-KINESIS-001
#   name: kinesis-stream-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `encryption_type = "KMS"` and `kms_key_id` (a customer managed key, or `alias/aws/kinesis`) on
#     the aws_kinesis_stream.
#   recommended_action_cloudformation: |
#     Add `StreamEncryption` with `EncryptionType: KMS` and `KeyId` (a customer managed key, or
#     `alias/aws/kinesis`) to the `AWS::Kinesis::Stream`.
#   frameworks:
#     - AWS Foundational Security Best Practices Kinesis.1
package preflight.aws.kinesis.stream_not_encrypted

import data.preflight.lib

deny contains lib.result(s, "encrypted", msg) if {
	some s in input.aws.kinesis.streams
	s.encrypted == false
	msg := sprintf("Kinesis stream `%s` is not encrypted at rest", [s.label])
}
