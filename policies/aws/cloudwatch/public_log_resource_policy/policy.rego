# METADATA
# title: CloudWatch Logs resource policy open to everyone
# description: |
#   An account's CloudWatch Logs resource policy decides which principals outside IAM may create log
#   streams and put events in its log groups. A statement that allows Principal "*" (or {"AWS": "*"})
#   with no condition pinning the caller to an account, an organization or a source ARN lets every AWS
#   account write into the log groups it covers: forged entries in the logs your alarms, SIEM and
#   auditors trust, and ingestion you pay for. Service principals (`delivery.logs.amazonaws.com`,
#   `route53.amazonaws.com`, `es.amazonaws.com`, `events.amazonaws.com`) are how AWS services deliver
#   logs and are not reported here; adding `aws:SourceAccount` or `aws:SourceArn` to them guards against
#   the confused deputy, and AWS's own examples often leave it out, so this rule keeps to open
#   principals. Medium: nothing is read out of the account, but the integrity of its logs is lost.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutResourcePolicy.html
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html
# custom:
#   id: AWS-CLOUDWATCH-003
#   name: cloudwatch-log-resource-policy-public
#   severity: medium
#   category: public-access
#   recommended_action: |
#     In the `policy_document` of the aws_cloudwatch_log_resource_policy, name the service or account
#     that writes the logs as the principal, and add a `StringEquals` condition on `aws:SourceAccount`
#     or an `ArnLike` condition on `aws:SourceArn`.
#   recommended_action_cloudformation: |
#     In the `PolicyDocument` of the `AWS::Logs::ResourcePolicy`, name the service or account that
#     writes the logs as the principal, and add a `StringEquals` condition on `aws:SourceAccount` or an
#     `ArnLike` condition on `aws:SourceArn`.
package preflight.aws.cloudwatch.public_log_resource_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [
	["write log events", ["logs:PutLogEvents", "logs:CreateLogStream"]],
	["read log events", ["logs:GetLogEvents", "logs:FilterLogEvents"]],
	["change log groups", ["logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy"]],
]

deny contains lib.result(p, path, msg) if {
	some p in input.aws.cloudwatch.log_resource_policies
	some i, stmt in p.policy.statements
	path := rp.open_statement(p, i, stmt, set())
	msg := sprintf("CloudWatch Logs resource policy `%s` lets anyone %s", [p.label, rp.describe(stmt, abilities)])
}
