# METADATA
# title: Lambda permission lets anyone invoke a function
# description: |
#   A Lambda permission with principal "*" and no `source_arn`, `source_account` or `principal_org_id`
#   adds a statement to the function's resource policy that lets every AWS account call the function
#   (or, with `lambda:*`, read its code and configuration and change it). The function then runs, with
#   its execution role's access to databases, buckets and other services, for any caller, and every
#   call is billed to you. High: anyone with an AWS account runs your code with your permissions.
#   A permission for `lambda:InvokeFunctionUrl` with `function_url_auth_type = NONE` is the companion
#   of a public function URL, which AWS-LAMBDA-001 reports at the URL; it is not reported twice.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
# custom:
#   id: AWS-LAMBDA-003
#   name: lambda-permission-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `principal` of the aws_lambda_permission to the account, role or service that calls the
#     function; for a service, add `source_arn` (the bucket, topic or rule) and `source_account`, or
#     `principal_org_id` for callers across your organization.
#   recommended_action_cloudformation: |
#     Set `Principal` of the `AWS::Lambda::Permission` to the account, role or service that calls the
#     function, and add `SourceArn` and `SourceAccount` (or `PrincipalOrgID`).
package preflight.aws.lambda.permission_public

import data.preflight.lib

deny contains lib.result(p, "principal", msg) if {
	some p in input.aws.lambda.permissions
	p.principal == "*"
	not narrowed(p)
	not public_url(p)
	msg := sprintf("Lambda permission `%s` lets anyone %s function `%s`", [p.label, doing(p), function(p)])
}

# A source, account or organization limits the callers; an unresolved one might.
narrowed(p) if {
	some key in ["source_arn", "source_account", "principal_org_id", "event_source_token"]
	not lib.not_written(p, key)
}

narrowed(p) if lib.is_unknown(p, "action")

# The permission behind a function URL with authorization NONE: AWS-LAMBDA-001 reports the URL.
public_url(p) if {
	lower(p.action) == "lambda:invokefunctionurl"
	p.function_url_auth_type == "NONE"
}

doing(p) := "invoke" if {
	lower(p.action) in {"lambda:invokefunction", "lambda:invokefunctionurl", "lambda:invokeasync"}
} else := "perform every action on" if {
	lower(p.action) in {"lambda:*", "*"}
} else := sprintf("perform `%s` on", [p.action])

function(p) := p.function if p.function != ""
else := p.label
