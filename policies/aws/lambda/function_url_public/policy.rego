# METADATA
# title: Lambda function URL callable without authentication
# description: |
#   A function URL with authorization type NONE is an HTTPS endpoint on the internet that runs the
#   function for any caller: no AWS signature is checked, so the function's own code is the only
#   gate. Whatever the function can reach with its execution role (databases, buckets, other services)
#   is one unauthenticated request away, and every call is billed to the account. A resource-based
#   policy allowing `lambda:InvokeFunctionUrl` to everyone must also exist (the console and SAM add it),
#   but NONE is the setting that declares the URL public, so that is what is reported. Severity is
#   high: anyone on the internet can invoke the function.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
# custom:
#   id: AWS-LAMBDA-001
#   name: lambda-function-url-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `authorization_type = "AWS_IAM"` on the aws_lambda_function_url and grant
#     `lambda:InvokeFunctionUrl` only to the roles that call it. For a public webhook, put the function
#     behind API Gateway or CloudFront with authentication, throttling and a WAF instead.
#   recommended_action_cloudformation: |
#     Set `AuthType: AWS_IAM` on the `AWS::Lambda::Url` (or in the SAM function's `FunctionUrlConfig`)
#     and grant `lambda:InvokeFunctionUrl` only to the callers that need it.
package preflight.aws.lambda.function_url_public

import data.preflight.lib

deny contains lib.result(u, "authorization_type", msg) if {
	some u in input.aws.lambda.function_urls
	u.authorization_type == "NONE"
	msg := sprintf("Lambda function URL `%s` lets anyone on the internet invoke the function without authentication", [u.label])
}
