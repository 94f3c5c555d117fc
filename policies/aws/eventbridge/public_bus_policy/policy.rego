# METADATA
# title: EventBridge event bus open to everyone
# description: |
#   An event bus policy statement (or an `aws_cloudwatch_event_permission`) that allows principal "*"
#   with no condition limiting the caller to an account or organization lets every AWS account put
#   events on the bus. Rules on the bus then start your Lambda functions, Step Functions and queues
#   with events a stranger wrote, which your targets trust as coming from your own systems. Medium:
#   the events only reach targets through your rules' patterns, and nothing is read out of the bus.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html
# custom:
#   id: AWS-EVENTBRIDGE-001
#   name: eventbridge-bus-public-policy
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Set `principal` of the aws_cloudwatch_event_permission to the account that sends events, or add a
#     `condition` on `aws:PrincipalOrgID`; in an aws_cloudwatch_event_bus_policy, name the accounts as
#     principals or add a `StringEquals` condition on `aws:PrincipalOrgID`.
#   recommended_action_cloudformation: |
#     Set `Principal` of the `AWS::Events::EventBusPolicy` to the sending account, or add a `Condition`
#     on `aws:PrincipalOrgID` (in its `Statement` or its `Condition` property).
package preflight.aws.eventbridge.public_bus_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [
	["put events", ["events:PutEvents"]],
	["change the bus's rules", ["events:PutRule", "events:PutTargets", "events:DeleteRule", "events:RemoveTargets"]],
]

deny contains lib.result(b, path, msg) if {
	some b in input.aws.eventbridge.buses
	some i, stmt in b.policy.statements
	path := rp.open_statement(b, i, stmt, set())
	msg := sprintf("EventBridge event bus `%s` has a policy that lets anyone %s", [b.label, rp.describe(stmt, abilities)])
}
