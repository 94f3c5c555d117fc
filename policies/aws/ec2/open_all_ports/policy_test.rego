package preflight.aws.ec2.open_all_ports_test

import data.preflight.aws.ec2.open_all_ports as p

rule(extra) := object.union(
	{"protocol": "-1", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []},
	extra,
)

group(ingress, unknown) := {
	"id": "aws_security_group.app",
	"label": "app",
	"unknown": unknown,
	"name": "app",
	"ingress": ingress,
	"egress": [],
}

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"ec2": {"security_groups": [g]}}}
}

test_all_traffic_denied if {
	results := deny_for(group([rule({})], []))
	count(results) == 1
	some r in results
	r.id == "aws_security_group.app"
	r.path == "ingress[0].cidr_blocks"
	r.message == "Security group `app` allows all traffic from the whole internet (0.0.0.0/0)"
}

test_full_udp_range_ipv6_denied if {
	ingress := [rule({"cidr_blocks": ["10.0.0.0/8"]}), rule({"protocol": "udp", "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]})]
	results := deny_for(group(ingress, []))
	count(results) == 1
	some r in results
	r.path == "ingress[1].ipv6_cidr_blocks"
	r.message == "Security group `app` allows every UDP port from the whole internet (::/0)"
}

test_both_families_two_findings if count(deny_for(group([rule({"ipv6_cidr_blocks": ["::/0"]})], []))) == 2

test_partial_range_allowed if {
	count(deny_for(group([rule({"protocol": "tcp", "from_port": 1024, "to_port": 65535})], []))) == 0
}

test_restricted_cidr_allowed if count(deny_for(group([rule({"cidr_blocks": ["172.16.0.0/12"]})], []))) == 0

test_icmp_allowed if count(deny_for(group([rule({"protocol": "icmp", "from_port": -1, "to_port": -1})], []))) == 0

# Egress open to everything is the AWS default and not this rule's concern.
test_egress_ignored if {
	g := object.union(group([], []), {"egress": [rule({})]})
	count(deny_for(g)) == 0
}

test_unknown_protocol_silent if {
	r := json.remove(rule({}), ["protocol"])
	count(deny_for(group([r], ["ingress[0].protocol"]))) == 0
}

test_unknown_cidr_silent if {
	r := json.remove(rule({}), ["cidr_blocks"])
	count(deny_for(group([r], ["ingress[0].cidr_blocks"]))) == 0
}

# Attached only to a load balancer: AWS-EC2-004 reports it.
test_lb_only_group_skipped if {
	g := object.union(group([rule({})], []), {"attached_to": [{"resource": "aws_lb.public", "kind": "load_balancer"}]})
	count(deny_for(g)) == 0
}

test_lb_and_instance_group_denied if {
	g := object.union(group([rule({})], []), {"attached_to": [
		{"resource": "aws_instance.web", "kind": "other"},
		{"resource": "aws_lb.public", "kind": "load_balancer"},
	]})
	count(deny_for(g)) == 1
}

# Attachments unknown: reported at full severity.
test_unknown_attachments_denied if {
	g := object.union(group([rule({})], ["attached_to"]), {})
	count(deny_for(g)) == 1
}
