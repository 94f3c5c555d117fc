# Helpers for security group rules (the Rule shape of docs/model.md).
package preflight.lib.aws.ec2

# The address ranges that mean "the whole internet", by the rule field that holds them.
world_cidrs := {
	"cidr_blocks": "0.0.0.0/0",
	"ipv6_cidr_blocks": "::/0",
}

# The fields of `rule` (`cidr_blocks`, `ipv6_cidr_blocks`) that open it to every address. Empty when no
# field is known to hold a whole-internet range.
world_open_fields(rule) := {field |
	some field, cidr in world_cidrs
	some c in rule[field]
	c == cidr
}

# The rule admits every port: protocol `-1` (all traffic), or TCP/UDP over the whole 0-65535 range.
all_ports(rule) if rule.protocol == "-1"

all_ports(rule) if {
	rule.protocol in {"tcp", "udp"}
	is_number(rule.from_port)
	is_number(rule.to_port)
	rule.from_port <= 0
	rule.to_port >= 65535
}

# The rule's port range is known and includes `port`.
covers_port(rule, port) if {
	is_number(rule.from_port)
	is_number(rule.to_port)
	rule.from_port <= port
	port <= rule.to_port
}
