# METADATA
# title: CloudWatch Logs destination open to everyone
# description: |
#   A log destination policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition
#   limiting the caller to an account or organization lets every AWS account subscribe its log groups to
#   the destination. Strangers then write into the stream behind it: forged entries in the central log
#   pipeline your SIEM and auditors read, and volume you pay for. Medium: nothing is read out of your
#   account, but the integrity of central logging is lost.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CreateDestination.html
# custom:
#   id: AWS-CLOUDWATCH-002
#   name: cloudwatch-log-destination-public-policy
#   severity: medium
#   category: public-access
#   recommended_action: |
#     In the `access_policy` of the aws_cloudwatch_log_destination_policy, name the accounts that send
#     logs as principals, or add a `StringEquals` condition on `aws:PrincipalOrgID`.
#   recommended_action_cloudformation: |
#     In the `DestinationPolicy` of the `AWS::Logs::Destination`, name the accounts that send logs as
#     principals, or add a `Condition` on `aws:PrincipalOrgID`.
package preflight.aws.cloudwatch.public_log_destination_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [["subscribe log groups to it", ["logs:PutSubscriptionFilter"]]]

deny contains lib.result(d, path, msg) if {
	some d in input.aws.cloudwatch.log_destinations
	some i, stmt in d.policy.statements
	path := rp.open_statement(d, i, stmt, set())
	msg := sprintf("CloudWatch Logs destination `%s` has a policy that lets anyone %s", [d.label, rp.describe(stmt, abilities)])
}
