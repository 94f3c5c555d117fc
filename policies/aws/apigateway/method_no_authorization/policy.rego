# METADATA
# title: API Gateway method open without authorization or API key
# description: |
#   A REST API method with authorization NONE and no API key requirement runs its integration (a Lambda
#   function, a backend URL, an AWS service call) for any caller on the internet. That is right for a
#   deliberately public endpoint, but an authorizer left out by mistake exposes whatever the backend
#   returns or changes. OPTIONS methods (CORS preflight), methods of PRIVATE APIs, which only VPC
#   endpoints reach, and methods of APIs whose resource policy narrows the callers (a Deny statement or
#   a condition on source IP or VPC endpoint) are not reported. Severity is low because many public APIs are open by design
#   and the backend may check the caller itself.
#   SAM function events of `Type: Api` are judged as methods too, on the implicit ServerlessRestApi or
#   the AWS::Serverless::Api they name: the event's `Auth.Authorizer`, else the API's
#   `Auth.DefaultAuthorizer` (with Globals.Api), else none; an API with an OpenAPI definition and no
#   default authorizer is left undecided, since the definition may authorize the method.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
# custom:
#   id: AWS-APIGATEWAY-001
#   name: api-gateway-method-no-authorization
#   severity: low
#   category: public-access
#   recommended_action: |
#     Set `authorization` on the aws_api_gateway_method to `AWS_IAM`, `CUSTOM` or `COGNITO_USER_POOLS`
#     (with `authorizer_id`), or set `api_key_required = true` with a usage plan. If the method is public
#     on purpose, suppress the finding with a reason.
#   recommended_action_cloudformation: |
#     Set `AuthorizationType` on the `AWS::ApiGateway::Method` to `AWS_IAM`, `CUSTOM` or
#     `COGNITO_USER_POOLS` (with `AuthorizerId`), or set `ApiKeyRequired: true` with a usage plan.
#     For a SAM function event, set `Auth.Authorizer` on the event, or `Auth.DefaultAuthorizer` on the
#     API (or under `Globals.Api` for the implicit API).
package preflight.aws.apigateway.method_no_authorization

import data.preflight.lib

deny contains lib.result(m, "authorization_type", msg) if {
	some m in input.aws.apigateway.methods
	m.authorization_type == "NONE"
	m.api_key_required == false
	m.private_api == false
	m.restricted_by_policy == false
	m.http_method != "OPTIONS"
	msg := sprintf("API Gateway method `%s` (%s) can be called by anyone: no authorization and no API key", [m.label, m.http_method])
}
