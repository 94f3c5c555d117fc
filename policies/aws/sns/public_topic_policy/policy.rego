# METADATA
# title: SNS topic policy open to everyone
# description: |
#   A topic policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition limiting the
#   caller to an account, organization or source resource applies to every AWS account. Depending on the
#   actions, anyone can publish forged messages that downstream queues, Lambda functions and on-call pagers
#   trust, subscribe their own endpoint to receive every message, or change and delete the topic.
# custom:
#   id: AWS-SNS-002
#   name: sns-topic-public-policy
#   severity: high
#   category: public-access
#   recommended_action: |
#     In the `policy` of the aws_sns_topic or aws_sns_topic_policy, name the accounts, roles or services
#     that may use the topic as principals. When a service publishes to it (S3, CloudWatch, EventBridge),
#     keep the service principal and add a `StringEquals` condition on `aws:SourceAccount` or an `ArnLike`
#     condition on `aws:SourceArn`.
#   recommended_action_cloudformation: |
#     In the `AWS::SNS::TopicPolicy`, replace the `"*"` principal with the accounts or services that
#     publish or subscribe, or add a `Condition` on `aws:SourceArn`, `aws:SourceAccount` or
#     `aws:PrincipalOrgID`.
#   frameworks: []
package preflight.aws.sns.public_topic_policy

import data.preflight.lib
import data.preflight.lib.aws.iam

deny contains lib.result(t, path, msg) if {
	some t in input.aws.sns.topics
	some i, stmt in t.policy.statements
	path := sprintf("policy.statements[%d]", [i])
	iam.open_to_anyone(t, path, stmt)
	msg := sprintf("SNS topic `%s` has a policy that lets anyone perform %s", [t.label, iam.describe_actions(stmt)])
}
