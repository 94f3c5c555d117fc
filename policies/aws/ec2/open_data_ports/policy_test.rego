package preflight.aws.ec2.open_data_ports_test

import data.preflight.aws.ec2.open_data_ports as p

rule(extra) := object.union(
	{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []},
	extra,
)

group(ingress, unknown) := {
	"id": "aws_security_group.db",
	"label": "db",
	"unknown": unknown,
	"name": "db",
	"vpc_default": false,
	"ingress": ingress,
	"egress": [],
}

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"ec2": {"security_groups": [g]}}}
}

test_postgres_open_denied if {
	results := deny_for(group([rule({})], []))
	count(results) == 1
	some r in results
	r.id == "aws_security_group.db"
	r.path == "ingress[0].cidr_blocks"
	r.message == "Security group `db` allows PostgreSQL (port 5432) from the whole internet (0.0.0.0/0)"
}

test_redis_ipv6_denied if {
	results := deny_for(group([rule({"from_port": 6379, "to_port": 6379, "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]})], []))
	count(results) == 1
	some r in results
	r.path == "ingress[0].ipv6_cidr_blocks"
	r.message == "Security group `db` allows Redis (port 6379) from the whole internet (::/0)"
}

test_wide_range_is_shortened if {
	results := deny_for(group([rule({"from_port": 1024, "to_port": 65000})], []))
	count(results) == 1
	some r in results
	startswith(r.message, "Security group `db` allows SQL Server (port 1433), Oracle (port 1521), NFS (port 2049), ZooKeeper (port 2181) and ")
	endswith(r.message, " more from the whole internet (0.0.0.0/0)")
}

test_memcached_udp_denied if count(deny_for(group([rule({"protocol": "udp", "from_port": 11211, "to_port": 11211})], []))) == 1

test_postgres_udp_allowed if count(deny_for(group([rule({"protocol": "udp"})], []))) == 0

# A public web server is not a finding.
test_web_ports_allowed if {
	ingress := [rule({"from_port": 80, "to_port": 80}), rule({"from_port": 443, "to_port": 443, "ipv6_cidr_blocks": ["::/0"]})]
	count(deny_for(group(ingress, []))) == 0
}

test_private_cidr_allowed if count(deny_for(group([rule({"cidr_blocks": ["10.0.0.0/16"]})], []))) == 0

# Left to AWS-EC2-002 / AWS-EC2-004.
test_all_traffic_skipped if count(deny_for(group([rule({"protocol": "-1", "from_port": 0, "to_port": 65535})], []))) == 0

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

# Neptune's Gremlin endpoint (found open in a public sample stack).
test_neptune_denied if {
	results := deny_for(group([rule({"from_port": 8182, "to_port": 8182})], []))
	some r in results
	r.message == "Security group `db` allows Neptune (Gremlin) (port 8182) from the whole internet (0.0.0.0/0)"
}
