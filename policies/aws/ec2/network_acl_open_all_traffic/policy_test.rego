package preflight.aws.ec2.network_acl_open_all_traffic_test

import data.preflight.aws.ec2.network_acl_open_all_traffic as p

rule(n, extra) := object.union(
	{"rule_number": n, "action": "allow", "protocol": "-1", "from_port": 0, "to_port": 65535, "cidr_block": "0.0.0.0/0"},
	extra,
)

acl(ingress, unknown) := {
	"id": "aws_network_acl.public",
	"label": "public",
	"unknown": unknown,
	"ingress": ingress,
	"egress": [],
}

deny_for(a) := results if {
	results := p.deny with input as {"aws": {"ec2": {"network_acls": [a]}}}
}

test_all_traffic_denied if {
	results := deny_for(acl([rule(100, {})], []))
	count(results) == 1
	some r in results
	r.path == "ingress[0].cidr_block"
	r.message == "Network ACL `public` allows all traffic from the whole internet (0.0.0.0/0) in rule 100"
}

test_every_tcp_port_ipv6_denied if {
	r := json.remove(rule(101, {"protocol": "tcp", "ipv6_cidr_block": "::/0"}), ["cidr_block"])
	results := deny_for(acl([r], []))
	count(results) == 1
	some res in results
	res.message == "Network ACL `public` allows every TCP port from the whole internet (::/0) in rule 101"
}

test_lower_deny_all_neutralizes if count(deny_for(acl([rule(100, {}), rule(10, {"action": "deny"})], []))) == 0

test_higher_deny_does_not_neutralize if count(deny_for(acl([rule(100, {}), rule(32766, {"action": "deny"})], []))) == 1

test_only_first_all_rule_reported if {
	results := deny_for(acl([rule(100, {}), rule(200, {})], []))
	count(results) == 1
}

test_egress_ignored if {
	a := object.union(acl([], []), {"egress": [rule(100, {})]})
	count(deny_for(a)) == 0
}

test_private_cidr_allowed if count(deny_for(acl([rule(100, {"cidr_block": "10.0.0.0/16"})], []))) == 0

test_web_and_ephemeral_allowed if {
	ingress := [
		rule(100, {"protocol": "tcp", "from_port": 443, "to_port": 443}),
		rule(110, {"protocol": "tcp", "from_port": 1024, "to_port": 65535}),
	]
	count(deny_for(acl(ingress, []))) == 0
}

test_no_rules_allowed if count(deny_for(acl([], []))) == 0

test_unknown_rule_silent if {
	r := json.remove(rule(50, {}), ["action"])
	count(deny_for(acl([rule(100, {}), r], ["ingress[1].action"]))) == 0
}
