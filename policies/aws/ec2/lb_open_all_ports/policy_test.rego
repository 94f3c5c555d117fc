package preflight.aws.ec2.lb_open_all_ports_test

import data.preflight.aws.ec2.lb_open_all_ports as p

rule(extra) := object.union(
	{"protocol": "-1", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []},
	extra,
)

lb := {"resource": "aws_lb.public", "kind": "load_balancer"}

group(ingress, attached) := {
	"id": "aws_security_group.alb",
	"label": "alb",
	"unknown": [],
	"name": "alb",
	"vpc_default": false,
	"ingress": ingress,
	"egress": [],
	"attached_to": attached,
}

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"ec2": {"security_groups": [g]}}}
}

test_lb_only_all_traffic_denied if {
	results := deny_for(group([rule({})], [lb]))
	count(results) == 1
	some r in results
	r.path == "ingress[0].cidr_blocks"
	r.message == "Security group `alb` allows all traffic from the whole internet (0.0.0.0/0); it is attached only to load balancers (`aws_lb.public`), which accept traffic on their listener ports alone"
}

test_lb_only_full_tcp_ipv6_denied if {
	results := deny_for(group([rule({"protocol": "tcp", "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]})], [lb]))
	count(results) == 1
	some r in results
	contains(r.message, "every TCP port from the whole internet (::/0)")
}

# Also on an instance: AWS-EC2-002 reports it at full severity.
test_lb_and_instance_skipped if {
	count(deny_for(group([rule({})], [lb, {"resource": "aws_instance.web", "kind": "other"}]))) == 0
}

test_unattached_skipped if count(deny_for(group([rule({})], []))) == 0

test_listener_ports_allowed if {
	count(deny_for(group([rule({"protocol": "tcp", "from_port": 443, "to_port": 443})], [lb]))) == 0
}

test_unknown_attachments_silent if {
	g := json.remove(object.union(group([rule({})], []), {"unknown": ["attached_to"]}), ["attached_to"])
	count(deny_for(g)) == 0
}

test_unknown_cidr_silent if {
	r := json.remove(rule({}), ["cidr_blocks"])
	g := object.union(group([r], [lb]), {"unknown": ["ingress[0].cidr_blocks"]})
	count(deny_for(g)) == 0
}
