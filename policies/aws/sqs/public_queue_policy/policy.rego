# METADATA
# title: SQS queue policy open to everyone
# description: |
#   A queue policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition limiting the
#   caller to an account, organization, network or source resource applies to every AWS account.
#   Depending on the actions, anyone can read the messages (order payloads, job parameters, customer
#   identifiers), delete them before your consumers see them, send forged messages that your consumers
#   trust, or change the queue's policy. High: the data in the queue and the work it drives are in a
#   stranger's hands.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
# custom:
#   id: AWS-SQS-002
#   name: sqs-queue-public-policy
#   severity: high
#   category: public-access
#   recommended_action: |
#     In the `policy` of the aws_sqs_queue or aws_sqs_queue_policy, name the accounts or roles that use
#     the queue as principals. When a service sends to it (SNS, S3, EventBridge), use its service
#     principal with an `ArnEquals` condition on `aws:SourceArn` or a `StringEquals` condition on
#     `aws:SourceAccount`.
#   recommended_action_cloudformation: |
#     In the `PolicyDocument` of the `AWS::SQS::QueuePolicy`, replace the `"*"` principal with the
#     accounts, roles or services that use the queue, or add a `Condition` on `aws:SourceArn`,
#     `aws:SourceAccount` or `aws:PrincipalOrgID`.
package preflight.aws.sqs.public_queue_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [
	["read messages", ["sqs:ReceiveMessage"]],
	["delete messages", ["sqs:DeleteMessage", "sqs:PurgeQueue"]],
	["send messages", ["sqs:SendMessage"]],
	["change the queue's permissions", ["sqs:SetQueueAttributes", "sqs:AddPermission", "sqs:RemovePermission"]],
	["delete the queue", ["sqs:DeleteQueue"]],
]

deny contains lib.result(q, path, msg) if {
	some q in input.aws.sqs.queues
	some i, stmt in q.policy.statements
	path := rp.open_statement(q, i, stmt, set())
	msg := sprintf("SQS queue `%s` has a policy that lets anyone %s", [q.label, rp.describe(stmt, abilities)])
}
