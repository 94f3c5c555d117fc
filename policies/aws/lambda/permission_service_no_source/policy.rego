# METADATA
# title: Lambda permission for a service without a source
# description: |
#   A Lambda permission for an AWS service principal (`s3.amazonaws.com`, `sns.amazonaws.com`,
#   `events.amazonaws.com`…) with no `source_arn` and no `source_account` lets that service invoke the
#   function on behalf of any of its customers: someone else's bucket notification, topic or rule can
#   name your function's ARN and run it with events of their choosing (the confused-deputy problem).
#   Medium: the caller is still an AWS service, and the attacker must know the function's ARN.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
# custom:
#   id: AWS-LAMBDA-004
#   name: lambda-permission-service-without-source
#   severity: medium
#   category: sharing
#   recommended_action: |
#     Add `source_arn` (the bucket, topic, rule or API that calls the function) to the
#     aws_lambda_permission, and `source_account` for services whose ARNs carry no account (S3).
#   recommended_action_cloudformation: |
#     Add `SourceArn` (and `SourceAccount` for S3) to the `AWS::Lambda::Permission`.
package preflight.aws.lambda.permission_service_no_source

import data.preflight.lib

deny contains lib.result(p, "principal", msg) if {
	some p in input.aws.lambda.permissions
	service_principal(p.principal)
	every key in ["source_arn", "source_account", "principal_org_id", "event_source_token"] {
		lib.not_written(p, key)
	}
	msg := sprintf("Lambda permission `%s` lets `%s` invoke function `%s` for any account: it names no `source_arn` or `source_account`", [p.label, p.principal, function(p)])
}

service_principal(principal) if endswith(lower(principal), ".amazonaws.com")

service_principal(principal) if endswith(lower(principal), ".amazonaws.com.cn")

function(p) := p.function if p.function != ""
else := p.label
