package preflight.aws.elb.listener_plaintext_http_test

import data.preflight.aws.elb.listener_plaintext_http as p

listener(extra) := object.union(
	{
		"id": "aws_lb_listener.http", "label": "http", "unknown": [], "protocol": "HTTP", "port": 80,
		"internal": false, "lb_type": "application",
		"default_actions": [{"action_type": "forward"}],
	},
	extra,
)

classic(extra) := object.union(
	{
		"id": "aws_elb.web", "label": "web", "unknown": [], "lb_type": "classic", "internal": false,
		"listeners": [{"protocol": "HTTPS", "port": 443}, {"protocol": "HTTP", "port": 80}],
	},
	extra,
)

deny_for(l) := results if {
	results := p.deny with input as {"aws": {"elb": {"listeners": [l], "load_balancers": []}}}
}

deny_classic(lb) := results if {
	results := p.deny with input as {"aws": {"elb": {"listeners": [], "load_balancers": [lb]}}}
}

test_http_forward_denied if {
	results := deny_for(listener({}))
	count(results) == 1
	some r in results
	r.path == "protocol"
	r.message == "Load balancer listener `http` accepts plain HTTP from the internet and does not redirect it to HTTPS"
}

test_https_allowed if count(deny_for(listener({"protocol": "HTTPS", "port": 443}))) == 0

test_redirect_to_https_allowed if {
	count(deny_for(listener({"default_actions": [{"action_type": "redirect", "redirect_protocol": "HTTPS"}]}))) == 0
}

test_redirect_keeping_http_denied if {
	count(deny_for(listener({"default_actions": [{"action_type": "redirect", "redirect_protocol": "#{PROTOCOL}"}]}))) == 1
}

test_fixed_response_allowed if {
	count(deny_for(listener({"default_actions": [{"action_type": "fixed-response"}]}))) == 0
}

test_internal_allowed if count(deny_for(listener({"internal": true}))) == 0

# Protocol left out on an Application Load Balancer: the adapter fills in HTTP.
test_left_out_protocol_denied if count(deny_for(listener({"protocol": "HTTP"}))) == 1

test_unknown_protocol_silent if {
	l := object.remove(listener({"unknown": ["protocol"]}), ["protocol"])
	count(deny_for(l)) == 0
}

test_unknown_action_silent if {
	l := listener({"default_actions": [{}], "unknown": ["default_actions[0].action_type"]})
	count(deny_for(l)) == 0
}

test_load_balancer_elsewhere_silent if {
	l := object.remove(listener({"unknown": ["internal", "lb_type"]}), ["internal", "lb_type"])
	count(deny_for(l)) == 0
}

test_classic_http_denied if {
	results := deny_classic(classic({}))
	count(results) == 1
	some r in results
	r.path == "listeners[1].protocol"
	r.message == "Classic load balancer `web` accepts plain HTTP from the internet on port 80"
}

test_classic_tcp_allowed if {
	count(deny_classic(classic({"listeners": [{"protocol": "TCP", "port": 80}]}))) == 0
}

test_classic_internal_allowed if count(deny_classic(classic({"internal": true}))) == 0

test_classic_unknown_silent if {
	count(deny_classic(classic({"listeners": [{"port": 80}], "unknown": ["listeners[0].protocol"]}))) == 0
}
