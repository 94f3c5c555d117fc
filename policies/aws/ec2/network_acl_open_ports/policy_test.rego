package preflight.aws.ec2.network_acl_open_ports_test

import data.preflight.aws.ec2.network_acl_open_ports as p

rule(n, extra) := object.union(
	{"rule_number": n, "action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"},
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

test_ssh_allowed_from_internet_denied if {
	results := deny_for(acl([rule(100, {})], []))
	count(results) == 1
	some r in results
	r.id == "aws_network_acl.public"
	r.path == "ingress[0].cidr_block"
	r.message == "Network ACL `public` allows SSH (port 22) from the whole internet (0.0.0.0/0) in rule 100"
}

test_mysql_ipv6_denied if {
	r := json.remove(rule(120, {"from_port": 3306, "to_port": 3306, "ipv6_cidr_block": "::/0"}), ["cidr_block"])
	results := deny_for(acl([r], []))
	count(results) == 1
	some res in results
	res.path == "ingress[0].ipv6_cidr_block"
	res.message == "Network ACL `public` allows MySQL (port 3306) from the whole internet (::/0) in rule 120"
}

test_well_known_range_lists_ports if {
	results := deny_for(acl([rule(100, {"from_port": 0, "to_port": 1023})], []))
	some r in results
	contains(r.message, "SSH (port 22), Telnet (port 23) from")
}

# A lower-numbered deny of the same traffic from the internet decides first.
test_lower_deny_neutralizes if {
	ingress := [rule(110, {}), rule(90, {"action": "deny"})]
	count(deny_for(acl(ingress, []))) == 0
}

test_lower_deny_all_neutralizes if {
	ingress := [rule(110, {}), rule(50, {"action": "deny", "protocol": "-1", "from_port": 0, "to_port": 65535})]
	count(deny_for(acl(ingress, []))) == 0
}

# A deny after the allow comes too late.
test_higher_deny_does_not_neutralize if {
	ingress := [rule(100, {}), rule(200, {"action": "deny"})]
	count(deny_for(acl(ingress, []))) == 1
}

# A deny of part of the internet, or of the other address family, leaves the rest open.
test_partial_deny_does_not_neutralize if {
	ingress := [
		rule(100, {}),
		rule(50, {"action": "deny", "cidr_block": "203.0.113.0/24"}),
		json.remove(rule(60, {"action": "deny", "ipv6_cidr_block": "::/0"}), ["cidr_block"]),
	]
	count(deny_for(acl(ingress, []))) == 1
}

# Each port is reported on the first rule that matches it.
test_only_first_match_reported if {
	results := deny_for(acl([rule(100, {}), rule(200, {"from_port": 0, "to_port": 1023})], []))
	msgs := {r.path: r.message | some r in results}
	msgs["ingress[0].cidr_block"] == "Network ACL `public` allows SSH (port 22) from the whole internet (0.0.0.0/0) in rule 100"
	msgs["ingress[1].cidr_block"] == "Network ACL `public` allows Telnet (port 23) from the whole internet (0.0.0.0/0) in rule 200"
}

test_nfs_both_protocols_listed_once if {
	results := deny_for(acl([rule(100, {"protocol": "-1", "action": "deny"}), rule(90, {"protocol": "udp", "from_port": 2049, "to_port": 2049})], []))
	some r in results
	r.message == "Network ACL `public` allows NFS (port 2049) from the whole internet (0.0.0.0/0) in rule 90"
}

test_ephemeral_return_range_allowed if count(deny_for(acl([rule(100, {"from_port": 1024, "to_port": 65535})], []))) == 0

test_web_ports_allowed if {
	ingress := [rule(100, {"from_port": 80, "to_port": 80}), rule(110, {"from_port": 443, "to_port": 443})]
	count(deny_for(acl(ingress, []))) == 0
}

test_private_cidr_allowed if count(deny_for(acl([rule(100, {"cidr_block": "10.0.0.0/8"})], []))) == 0

# Left to AWS-EC2-006.
test_all_traffic_skipped if {
	count(deny_for(acl([rule(100, {"protocol": "-1", "from_port": 0, "to_port": 65535})], []))) == 0
}

# Left out: an ACL without inbound rules denies everything.
test_no_rules_allowed if count(deny_for(acl([], []))) == 0

test_unknown_lower_rule_silent if {
	r := json.remove(rule(90, {}), ["action"])
	count(deny_for(acl([rule(100, {}), r], ["ingress[1].action"]))) == 0
}

test_unknown_ingress_silent if count(deny_for(acl([rule(100, {})], ["ingress"]))) == 0
