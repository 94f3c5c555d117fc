# METADATA
# title: SES identity policy lets anyone send email as your domain
# description: |
#   An SES sending authorization policy lets other accounts send email as one of your verified domains
#   or addresses. A statement that allows Principal "*" (or {"AWS": "*"}) with no condition pinning the
#   sender to an account, an organization or a source ARN lets every AWS account send mail that is
#   signed and authenticated as your domain: phishing that passes SPF and DKIM checks, bounces and
#   complaints that damage your sending reputation and can get your account's sending paused. High:
#   anyone on the internet with an AWS account can impersonate you to your own customers. CloudFormation
#   has no resource for SES sending authorization policies, so only Terraform is read.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ses/latest/dg/sending-authorization-policies.html
# custom:
#   id: AWS-SES-001
#   name: ses-identity-policy-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     In the `policy` of the aws_ses_identity_policy, name the delegate sender's account or role as the
#     principal, or add a `StringEquals` condition on `aws:SourceAccount` or `aws:PrincipalOrgID`.
#   recommended_action_cloudformation: |
#     CloudFormation has no SES identity policy resource; set the policy with the SES API or Terraform,
#     naming the delegate sender's account or role as the principal.
package preflight.aws.ses.public_identity_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [["send email as it", ["ses:SendEmail", "ses:SendRawEmail", "ses:SendTemplatedEmail", "ses:SendBulkTemplatedEmail", "ses:SendBulkEmail"]]]

deny contains lib.result(p, path, msg) if {
	some p in input.aws.ses.identity_policies
	some i, stmt in p.policy.statements
	path := rp.open_statement(p, i, stmt, set())
	msg := sprintf("SES identity policy `%s` lets anyone %s", [p.label, describe(p, stmt)])
}

describe(p, stmt) := sprintf("send email as `%s`", [p.identity]) if {
	is_string(p.identity)
	rp.abilities(stmt, abilities) == ["send email as it"]
} else := sprintf("%s (identity `%s`)", [rp.describe(stmt, abilities), p.identity]) if {
	is_string(p.identity)
} else := rp.describe(stmt, abilities)
