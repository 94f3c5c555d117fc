# METADATA
# title: API Gateway HTTP or WebSocket route open without authorization
# description: |
#   An HTTP API route, or a WebSocket API's `$connect` route, with authorization type NONE passes every
#   request from the internet to its integration. Public endpoints are sometimes intended, but a
#   forgotten JWT or Lambda authorizer exposes the backend to anyone. CORS preflight (`OPTIONS`) routes
#   and the WebSocket routes other than `$connect`, which cannot carry an authorizer, are not reported.
#   Severity is low because many such APIs are public by design.
#   SAM function events of `Type: HttpApi` are judged as routes too, on the implicit ServerlessHttpApi
#   or the AWS::Serverless::HttpApi they name, with the event's `Auth.Authorizer`, else the API's
#   `Auth.DefaultAuthorizer` (with Globals.HttpApi).
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html
# custom:
#   id: AWS-APIGATEWAY-003
#   name: api-gateway-route-no-authorization
#   severity: low
#   category: public-access
#   recommended_action: |
#     Set `authorization_type` on the aws_apigatewayv2_route to `JWT`, `CUSTOM` or `AWS_IAM` (with
#     `authorizer_id` for JWT and CUSTOM). If the route is public on purpose, suppress the finding with a
#     reason.
#   recommended_action_cloudformation: |
#     Set `AuthorizationType` on the `AWS::ApiGatewayV2::Route` to `JWT`, `CUSTOM` or `AWS_IAM` (with
#     `AuthorizerId` for JWT and CUSTOM).
#     For a SAM function event, set `Auth.Authorizer` on the event, or `Auth.DefaultAuthorizer` on the
#     API (or under `Globals.HttpApi` for the implicit API).
package preflight.aws.apigateway.route_no_authorization

import data.preflight.lib

deny contains lib.result(r, "authorization_type", msg) if {
	some r in input.aws.apigateway.routes
	r.authorization_type == "NONE"
	needs_authorization(r)
	msg := sprintf("API Gateway route `%s` (%s) can be called by anyone: its authorization type is NONE", [r.label, r.route_key])
}

needs_authorization(r) if {
	r.protocol == "HTTP"
	not startswith(r.route_key, "OPTIONS ")
}

needs_authorization(r) if {
	r.protocol == "WEBSOCKET"
	r.route_key == "$connect"
}
