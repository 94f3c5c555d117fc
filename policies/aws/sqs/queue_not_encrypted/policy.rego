# METADATA
# title: SQS queue not encrypted at rest
# description: |
#   SQS keeps every message on its storage until a consumer deletes it or the retention period ends, up
#   to 14 days. Queues carry order payloads, job parameters with customer identifiers, and webhook bodies.
#   New queues are encrypted with SQS-owned keys (SSE-SQS) unless that is turned off; a queue that turns
#   it off without naming a KMS key stores its messages unencrypted. It is medium because the messages
#   are still reachable only with SQS permissions, but at-rest protection was removed on purpose.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
# custom:
#   id: AWS-SQS-001
#   name: sqs-queue-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Remove `sqs_managed_sse_enabled = false` from the aws_sqs_queue (SSE-SQS is the default), or set
#     `kms_master_key_id` to a KMS key so that consumers also need permission on the key.
#   recommended_action_cloudformation: |
#     Remove `SqsManagedSseEnabled: false` from the `AWS::SQS::Queue` (SSE-SQS is the default), or set
#     `KmsMasterKeyId` to a KMS key.
#   frameworks:
#     - AWS Foundational Security Best Practices SQS.1
package preflight.aws.sqs.queue_not_encrypted

import data.preflight.lib

deny contains lib.result(q, "encrypted", msg) if {
	some q in input.aws.sqs.queues
	q.encrypted == false
	msg := sprintf("SQS queue `%s` is not encrypted at rest: SSE-SQS is turned off and no KMS key is set", [q.label])
}
