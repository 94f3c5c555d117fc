# Helpers for Azure network security rules (the RuleFields shape of docs/model.md, `azure.network`).
package preflight.lib.azure.network

import data.preflight.lib.aws.ec2

# Source prefixes that admit every address: the `*` wildcard, the `Internet` service tag, `Any`, and
# the whole IPv4 or IPv6 space. Compared in lower case.
world_sources := {"*", "internet", "any", "0.0.0.0/0", "::/0", "::0/0", "0::/0"}

# Every rule as [entity, path prefix, rule, noun for messages, rules of the same group]: the inline
# rules of each network security group of `groups` (under `security_rule`) and every
# azurerm_network_security_rule of `singles` (under `rule`). The rules of a group are its inline
# rules and the separate rules joined to it (`group`); a separate rule whose group is not in the scan
# has none but itself.
tuples(groups, singles) := {t |
	some g in groups
	some i, r in g.security_rule
	name := object.get(r, "name", sprintf("%d", [i]))
	t := [g, sprintf("security_rule[%d].", [i]), r, sprintf("Network security group `%s` rule `%s`", [g.label, name]), group_rules(g.id, groups, singles)]
} | {t |
	some s in singles
	t := [s, "rule.", s.rule, sprintf("Network security rule `%s`", [s.label]), single_peers(s, groups, singles)]
}

group_rules(id, groups, singles) := array.concat(
	[r | some g in groups; g.id == id; some r in g.security_rule],
	[s.rule | some s in singles; s.group == id],
)

single_peers(s, groups, singles) := group_rules(s.group, groups, singles) if s.group

single_peers(s, _, _) := [s.rule] if not s.group

# The rule lets traffic in.
inbound_allow(r) if {
	lower(r.direction) == "inbound"
	lower(r.access) == "allow"
}

# The source fields of `r` that hold a whole-internet prefix, with the prefix as written.
world_fields(r) := {[field, p] |
	some field in ["source_address_prefix", "source_address_prefixes"]
	some p in as_list(r, field)
	lower(p) in world_sources
}

as_list(r, field) := [r[field]] if is_string(r[field])

as_list(r, field) := r[field] if is_array(r[field])

# The rule's protocol carries the service on `port`: `*` and `Tcp` every port, `Udp` the UDP ones.
serves(r, port) if lower(r.protocol) in {"*", "tcp"}

serves(r, port) if {
	lower(r.protocol) == "udp"
	udp_ports[port]
}

# The data ports that also serve UDP (AWS-EC2-003's list).
udp_ports := {p | some p in ec2.udp_ports}

covers(r, port) if {
	some pr in r.ports
	pr.from_port <= port
	port <= pr.to_port
}

# The rule admits every TCP port.
all_ports(r) if {
	lower(r.protocol) in {"*", "tcp"}
	some pr in r.ports
	pr.from_port <= 1
	pr.to_port >= 65535
}

# A rule of the same group (inline or separate) with a lower priority number denies `port` from the
# internet first: Azure evaluates a group's rules by priority, lowest first, and stops at the first
# that matches.
denied_first(t, port) if {
	some other in t[4]
	denies_before(other, t[2], port)
}

# Azure evaluates lower priority numbers first. A priority that is unknown (absent) may be lower: a
# deny rule that might come first silences the allow, as policies never fire on what might not be so.
evaluated_first(other, r) if other.priority < r.priority

evaluated_first(other, _) if not is_number(other.priority)

evaluated_first(_, r) if not is_number(r.priority)

# A rule of the same group with a lower priority number denies every port that the all-ports rule of
# `t` lets in.
all_denied_first(t) if {
	some other in t[4]
	denies_before(other, t[2], 1)
	some pr in other.ports
	pr.from_port <= 1
	pr.to_port >= 65535
}

denies_before(other, r, port) if {
	lower(other.direction) == "inbound"
	lower(other.access) == "deny"
	evaluated_first(other, r)
	count(world_fields(other)) > 0
	lower(other.protocol) in {"*", lower(r.protocol)}
	covers(other, port)
}

# "SSH (port 22)" for each port of `ports` (port → name) that rule tuple `t` lets in, in port order.
exposed(t, ports) := [sprintf("%s (port %d)", [name, port]) |
	some port, name in ports
	serves(t[2], port)
	covers(t[2], port)
	not denied_first(t, port)
]
