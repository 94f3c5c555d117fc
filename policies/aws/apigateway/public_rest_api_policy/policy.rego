# METADATA
# title: API Gateway REST API policy open to everyone where it should not be
# description: |
#   A REST API resource policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition
#   pinning the callers (a VPC endpoint, a VPC, source IPs, an organization, accounts) and no `Deny`
#   that turns away everyone else (`StringNotEquals aws:SourceVpce`, `NotIpAddress aws:SourceIp`) is
#   reported in two cases. On a PRIVATE API, whose whole point is that only your network reaches it, it
#   lets anyone invoke the API through any interface VPC endpoint, including endpoints in other AWS
#   accounts. On any API, it reports statements that let anyone do more than invoke it (`execute-api:*`
#   also flushes the stage cache). A statement that only allows anyone to `execute-api:Invoke` an EDGE or
#   REGIONAL API is not reported: that is what a public API is, and it is the same as having no policy;
#   whether its methods check the caller is AWS-APIGATEWAY-001's question. KICS reports any wildcard
#   principal together with a wildcard action at medium; this rule takes the endpoint type into account
#   instead. Medium: a private API reachable from any account is a network boundary that is not there,
#   but the methods' own authorization may still stop the caller.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html
# custom:
#   id: AWS-APIGATEWAY-004
#   name: api-gateway-rest-api-public-policy
#   severity: medium
#   category: public-access
#   recommended_action: |
#     In the `policy` of the aws_api_gateway_rest_api (or the aws_api_gateway_rest_api_policy), add a
#     `StringEquals` condition on `aws:SourceVpce` (or `aws:SourceVpc`) to the Allow statement, or a
#     Deny statement for requests whose `aws:SourceVpce` is not yours; allow only `execute-api:Invoke`.
#   recommended_action_cloudformation: |
#     In the `Policy` of the `AWS::ApiGateway::RestApi`, add a `StringEquals` condition on
#     `aws:SourceVpce` (or `aws:SourceVpc`) to the Allow statement, or a Deny statement for requests
#     whose `aws:SourceVpce` is not yours; allow only `execute-api:Invoke`.
package preflight.aws.apigateway.public_rest_api_policy

import data.preflight.lib
import data.preflight.lib.aws.iam
import data.preflight.lib.aws.resource_policy as rp

abilities := [
	["invoke it", ["execute-api:Invoke"]],
	["flush its cache", ["execute-api:InvalidateCache"]],
	["manage its connections", ["execute-api:ManageConnections"]],
]

# A private API: any statement open to anyone reaches it from every VPC endpoint.
deny contains lib.result(a, path, msg) if {
	some a in input.aws.apigateway.rest_apis
	a.private == true
	some i, stmt in a.policy.statements
	path := rp.open_statement(a, i, stmt, set())
	not turned_away(a, stmt)
	msg := sprintf(
		"Private REST API `%s` has a policy that lets anyone %s through any VPC endpoint, in any account",
		[a.label, rp.describe(stmt, abilities)],
	)
}

# Any other API (or one whose endpoint type is unknown): only statements that give anyone more than
# invoking it.
deny contains lib.result(a, path, msg) if {
	some a in input.aws.apigateway.rest_apis
	not lib.is_true(a.private)
	some i, stmt in a.policy.statements
	path := rp.open_statement(a, i, stmt, set())
	beyond_invoke(stmt)
	not turned_away(a, stmt)
	msg := sprintf("REST API `%s` has a policy that lets anyone %s", [a.label, rp.describe(stmt, abilities)])
}

beyond_invoke(stmt) if rp.grants(stmt, "execute-api:InvalidateCache")

beyond_invoke(stmt) if rp.grants(stmt, "execute-api:ManageConnections")

# A Deny statement of the same policy, for everyone, that refuses invocations from outside a network,
# VPC endpoint or organization (a negated operator on a key that pins callers): the API's usual
# allow-list form. A Deny whose conditions cannot be read may be one.
turned_away(a, _) if {
	some d in a.policy.statements
	d.effect == "Deny"
	some p in d.principals
	iam.public_principal(p)
	rp.grants(d, "execute-api:Invoke")
	some c in d.conditions
	iam.narrowing_keys[c.key]
	contains(c.operator, "Not")
	not endswith(c.operator, "IfExists")
	count(c.values) > 0
}

turned_away(a, _) if {
	some j, d in a.policy.statements
	d.effect == "Deny"
	lib.unknown_under(a, sprintf("policy.statements[%d].conditions", [j]))
}
