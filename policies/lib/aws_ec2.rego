# Helpers for security group and network ACL rules (the Rule and AclRule shapes of docs/model.md).
package preflight.lib.aws.ec2

import data.preflight.lib

# The address ranges that mean "the whole internet", by the security group rule field that holds them
# (as messages print them).
world_cidrs := {
	"cidr_blocks": "0.0.0.0/0",
	"ipv6_cidr_blocks": "::/0",
}

# Every spelling of the whole IPv4 and IPv6 internet.
world_v4 := {"0.0.0.0/0"}

world_v6 := {"::/0", "::0/0", "0::/0", "0:0:0:0:0:0:0:0/0"}

is_world(cidr) if cidr in world_v4

is_world(cidr) if cidr in world_v6

# The fields of `rule` (`cidr_blocks`, `ipv6_cidr_blocks`) that open it to every address. Empty when no
# field is known to hold a whole-internet range.
world_open_fields(rule) := {field |
	some field, _ in world_cidrs
	some c in rule[field]
	is_world(c)
}

# The rule admits every port: protocol `-1` (all traffic), or TCP/UDP over the whole port range.
all_ports(rule) if rule.protocol == "-1"

all_ports(rule) if {
	rule.protocol in {"tcp", "udp"}
	is_number(rule.from_port)
	is_number(rule.to_port)
	rule.from_port <= 1
	rule.to_port >= 65535
}

# The rule's port range is known and includes `port`.
covers_port(rule, port) if {
	is_number(rule.from_port)
	is_number(rule.to_port)
	rule.from_port <= port
	port <= rule.to_port
}

# Remote administration: shells and remote desktops (TCP).
admin_ports := {
	22: "SSH",
	23: "Telnet",
	3389: "RDP",
	5985: "WinRM",
	5986: "WinRM over HTTPS",
}

# Databases, caches, search engines, message brokers, file shares and container or cluster control
# planes (TCP; the ones in `udp_ports` also over UDP). The list the data-port rules document.
data_ports := {
	1433: "SQL Server",
	1521: "Oracle",
	2049: "NFS",
	2181: "ZooKeeper",
	2375: "Docker API",
	2376: "Docker API over TLS",
	2379: "etcd",
	3306: "MySQL",
	5432: "PostgreSQL",
	5439: "Redshift",
	5601: "Kibana",
	5672: "RabbitMQ",
	5984: "CouchDB",
	6379: "Redis",
	7000: "Cassandra",
	7001: "Cassandra over TLS",
	7199: "Cassandra JMX",
	7474: "Neo4j",
	7687: "Neo4j Bolt",
	8020: "HDFS NameNode",
	8182: "Neptune (Gremlin)",
	8983: "Solr",
	9042: "Cassandra CQL",
	9092: "Kafka",
	9160: "Cassandra Thrift",
	9200: "Elasticsearch",
	9300: "Elasticsearch transport",
	11211: "Memcached",
	15672: "RabbitMQ management",
	26257: "CockroachDB",
	27017: "MongoDB",
	27018: "MongoDB shard",
	27019: "MongoDB config server",
	50070: "HDFS NameNode web UI",
	61616: "ActiveMQ",
}

udp_ports := {2049, 11211}

# The rule's protocol carries the service on `port`.
serves(rule, port) if rule.protocol == "tcp"

serves(rule, port) if {
	rule.protocol == "udp"
	port in udp_ports
}

# "SSH (port 22)" for each port of `ports` (a port → name object) that the rule admits, in port order.
exposed(rule, ports) := [sprintf("%s (port %d)", [name, port]) |
	some port, name in ports
	serves(rule, port)
	covers_port(rule, port)
]

# At most `n` items joined with ", ", then how many more.
shortened(items, n) := concat(", ", items) if count(items) <= n

shortened(items, n) := sprintf("%s and %d more", [concat(", ", array.slice(items, 0, n)), count(items) - n]) if {
	count(items) > n
}

# The group is attached to load balancers and to nothing else: an all-ports rule then exposes only
# their listeners.
lb_only(sg) if {
	count(sg.attached_to) > 0
	every a in sg.attached_to {
		a.kind == "load_balancer"
	}
}

load_balancers(sg) := [a.resource | some a in sg.attached_to; a.kind == "load_balancer"]

# --- Network ACLs ---

# The field of an ACL rule that opens it to the whole internet of one address family.
acl_world_field(rule) := "cidr_block" if is_world(rule.cidr_block)

acl_world_field(rule) := "ipv6_cidr_block" if is_world(rule.ipv6_cidr_block)

# The ACL rule matches traffic to `port` over `proto`.
acl_matches(rule, port, proto) if rule.protocol == "-1"

acl_matches(rule, port, proto) if {
	rule.protocol == proto
	covers_port(rule, port)
}

# Some inbound rule of the ACL is unknown (or others may exist elsewhere): a lower-numbered deny may
# be among them, so nothing about rule order can be concluded.
acl_ingress_unknown(acl) if lib.unknown_under(acl, "ingress")

# Inbound rule `i` is the first (lowest-numbered) whole-internet rule of its address family that
# matches traffic to `port` over `proto`: AWS applies it to that traffic from the internet.
acl_decides(acl, i, port, proto) if {
	rule := acl.ingress[i]
	field := acl_world_field(rule)
	is_number(rule.rule_number)
	acl_matches(rule, port, proto)
	not acl_matched_earlier(acl, rule, field, port, proto)
}

acl_matched_earlier(acl, rule, field, port, proto) if {
	some other in acl.ingress
	acl_world_field(other) == field
	is_number(other.rule_number)
	other.rule_number < rule.rule_number
	acl_matches(other, port, proto)
}

# A rule for the return traffic of outbound connections: a stateless ACL must admit the ephemeral
# ports (1024-65535, or a part of it up to 65535) from anywhere.
acl_ephemeral(rule) if {
	rule.protocol in {"tcp", "udp"}
	rule.from_port >= 1024
	rule.to_port >= 65535
}

# The ACL rule admits every port, and no lower-numbered whole-internet rule of the same family
# decides that traffic before it.
acl_all_traffic(acl, i) if {
	rule := acl.ingress[i]
	all_ports(rule)
	field := acl_world_field(rule)
	is_number(rule.rule_number)
	not acl_all_matched_earlier(acl, rule, field)
}

acl_all_matched_earlier(acl, rule, field) if {
	some other in acl.ingress
	acl_world_field(other) == field
	is_number(other.rule_number)
	other.rule_number < rule.rule_number
	all_ports(other)
	other.protocol in {"-1", rule.protocol}
}
