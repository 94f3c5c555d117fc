package preflight.aws.ec2.open_admin_ports_test

import data.preflight.aws.ec2.open_admin_ports as p

rule(extra) := object.union(
	{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []},
	extra,
)

group(ingress, unknown) := {
	"id": "aws_security_group.bastion",
	"label": "bastion",
	"unknown": unknown,
	"name": "bastion",
	"ingress": ingress,
	"egress": [],
}

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"ec2": {"security_groups": [g]}}}
}

test_ssh_open_ipv4_denied if {
	results := deny_for(group([rule({})], []))
	count(results) == 1
	some r in results
	r.id == "aws_security_group.bastion"
	r.path == "ingress[0].cidr_blocks"
	r.message == "Security group `bastion` allows SSH (port 22) from the whole internet (0.0.0.0/0)"
}

test_rdp_open_ipv6_denied if {
	ingress := [
		rule({"from_port": 443, "to_port": 443}),
		rule({"from_port": 3389, "to_port": 3389, "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]}),
	]
	results := deny_for(group(ingress, []))
	count(results) == 1
	some r in results
	r.path == "ingress[1].ipv6_cidr_blocks"
	r.message == "Security group `bastion` allows RDP (port 3389) from the whole internet (::/0)"
}

test_range_covering_both_ports_both_families if {
	results := deny_for(group([rule({"from_port": 20, "to_port": 4000, "ipv6_cidr_blocks": ["::/0"]})], []))
	count(results) == 2
	paths := {r.path | some r in results}
	paths == {"ingress[0].cidr_blocks", "ingress[0].ipv6_cidr_blocks"}
	some r in results
	contains(r.message, "SSH (port 22), Telnet (port 23), RDP (port 3389) from")
}

test_restricted_cidr_allowed if count(deny_for(group([rule({"cidr_blocks": ["10.20.0.0/16"]})], []))) == 0

test_other_port_allowed if count(deny_for(group([rule({"from_port": 443, "to_port": 443})], []))) == 0

test_udp_allowed if count(deny_for(group([rule({"protocol": "udp"})], []))) == 0

# Left to AWS-EC2-002: all protocols, or the full TCP range.
test_all_traffic_skipped if {
	count(deny_for(group([rule({"protocol": "-1", "from_port": 0, "to_port": 65535})], []))) == 0
}

test_full_tcp_range_skipped if count(deny_for(group([rule({"from_port": 0, "to_port": 65535})], []))) == 0

# Left out: a rule with no CIDR written only admits other security groups.
test_no_cidr_written_allowed if {
	r := json.remove(rule({}), ["cidr_blocks", "ipv6_cidr_blocks"])
	count(deny_for(group([r], []))) == 0
}

test_unknown_cidr_silent if {
	r := json.remove(rule({}), ["cidr_blocks"])
	count(deny_for(group([r], ["ingress[0].cidr_blocks"]))) == 0
}

test_unknown_port_silent if {
	r := json.remove(rule({}), ["from_port", "to_port"])
	count(deny_for(group([r], ["ingress[0].from_port", "ingress[0].to_port"]))) == 0
}

test_telnet_and_winrm_denied if {
	ingress := [
		rule({"from_port": 23, "to_port": 23}),
		rule({"from_port": 5985, "to_port": 5986, "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]}),
	]
	results := deny_for(group(ingress, []))
	msgs := {r.message | some r in results}
	msgs == {
		"Security group `bastion` allows Telnet (port 23) from the whole internet (0.0.0.0/0)",
		"Security group `bastion` allows WinRM (port 5985), WinRM over HTTPS (port 5986) from the whole internet (::/0)",
	}
}

test_icmp_allowed if count(deny_for(group([rule({"protocol": "icmp", "from_port": -1, "to_port": -1})], []))) == 0
