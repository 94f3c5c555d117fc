package preflight.aws.apigateway.route_no_authorization_test

import data.preflight.aws.apigateway.route_no_authorization as p

route(extra) := object.union(
	{"id": "aws_apigatewayv2_route.list_items", "label": "list_items", "unknown": [], "route_key": "GET /items", "protocol": "HTTP", "authorization_type": "NONE"},
	extra,
)

deny_for(r) := results if {
	results := p.deny with input as {"aws": {"apigateway": {"routes": [r]}}}
}

test_open_http_route_denied if {
	results := deny_for(route({}))
	count(results) == 1
	some r in results
	r.path == "authorization_type"
	r.message == "API Gateway route `list_items` (GET /items) can be called by anyone: its authorization type is NONE"
}

test_jwt_allowed if count(deny_for(route({"authorization_type": "JWT"}))) == 0

test_options_allowed if count(deny_for(route({"route_key": "OPTIONS /items"}))) == 0

test_websocket_connect_denied if count(deny_for(route({"route_key": "$connect", "protocol": "WEBSOCKET"}))) == 1

test_websocket_message_route_allowed if count(deny_for(route({"route_key": "sendMessage", "protocol": "WEBSOCKET"}))) == 0

test_unknown_protocol_silent if {
	count(deny_for(object.remove(route({"route_key": "$default", "unknown": ["protocol"]}), ["protocol"]))) == 0
}

test_unknown_authorization_silent if {
	count(deny_for(object.remove(route({"unknown": ["authorization_type"]}), ["authorization_type"]))) == 0
}
