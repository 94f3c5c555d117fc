package preflight.aws.ec2.default_security_group_allows_traffic_test

import data.preflight.aws.ec2.default_security_group_allows_traffic as p

group(ingress, egress, unknown) := {
	"id": "aws_default_security_group.default",
	"label": "default",
	"unknown": unknown,
	"name": "default",
	"vpc_default": true,
	"ingress": ingress,
	"egress": egress,
}

all_traffic := {"protocol": "-1", "from_port": 0, "to_port": 65535, "cidr_blocks": [], "ipv6_cidr_blocks": []}

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"ec2": {"security_groups": [g]}}}
}

test_self_ingress_and_open_egress_denied if {
	egress := [object.union(all_traffic, {"cidr_blocks": ["0.0.0.0/0"]})]
	results := deny_for(group([all_traffic], egress, []))
	{r.path | some r in results} == {"ingress[0]", "egress[0]"}
	some r in results
	r.path == "ingress[0]"
	r.message == "Default security group `default` has an inbound rule (all traffic); resources launched without a security group of their own get it"
}

test_port_described if {
	results := deny_for(group([], [object.union(all_traffic, {"protocol": "tcp", "from_port": 443, "to_port": 443})], []))
	some r in results
	contains(r.message, "an outbound rule (TCP port 443)")
}

test_no_rules_allowed if count(deny_for(group([], [], []))) == 0

test_ordinary_group_allowed if {
	g := object.union(group([all_traffic], [all_traffic], []), {"vpc_default": false})
	count(deny_for(g)) == 0
}

test_unknown_rules_silent if count(deny_for(group([], [], ["ingress", "egress"]))) == 0
