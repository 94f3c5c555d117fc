# Helpers for Azure network security rules (the RuleFields shape of docs/model.md, `azure.network`).
package preflight.lib.azure.network

import data.preflight.lib.aws.ec2

# Source prefixes that admit every address: the `*` wildcard, the `Internet` service tag, `Any`, and
# the whole IPv4 or IPv6 space. Compared in lower case.
world_sources := {"*", "internet", "any", "0.0.0.0/0", "::/0", "::0/0", "0::/0"}

# Every rule as [entity, path prefix, rule, noun for messages, peers]: the inline rules of each network
# security group of `groups` (under `security_rule`) and every azurerm_network_security_rule of
# `singles` (under `rule`). The peers are the rules of the same group, its inline rules and the
# separate rules joined to it (`group`), each as {"rule": fields, "unknown": the names of its fields
# that are unknown, "*" for all}; a separate rule whose group is not in the scan has none but itself.
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
	array.concat(
		[peer(g, sprintf("security_rule[%d]", [i]), r) | some g in groups; g.id == id; some i, r in g.security_rule],
		[peer(s, "rule", s.rule) | some s in singles; s.group == id],
	),
	# A group whose rule list is unknown as a whole may hold any rule.
	[{"rule": {}, "unknown": {"*"}} | some g in groups; g.id == id; "security_rule" in g.unknown],
)

single_peers(s, groups, singles) := group_rules(s.group, groups, singles) if s.group

single_peers(s, _, _) := [peer(s, "rule", s.rule)] if not s.group

# A rule with the names of its unknown fields (read from the entity's `unknown` paths under `base`).
peer(entity, base, r) := {"rule": r, "unknown": {f |
	some u in entity.unknown
	startswith(u, concat("", [base, "."]))
	f := substring(u, count(base) + 1, -1)
} | {"*" | base in entity.unknown}}

# The peer's field `f` is unknown.
unknown_field(p, f) if f in p.unknown

unknown_field(p, _) if "*" in p.unknown

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
	some p in t[4]
	denies_before(p, t[2], port)
}

# Azure evaluates lower priority numbers first. A priority that is unknown (absent) may be lower: a
# deny rule that might come first silences the allow, as policies never fire on what might not be so.
evaluated_first(other, r) if other.priority < r.priority

evaluated_first(other, _) if not is_number(other.priority)

evaluated_first(_, r) if not is_number(r.priority)

# A rule of the same group with a lower priority number denies every port that the all-ports rule of
# `t` lets in (or might: its ports are unknown).
all_denied_first(t) if {
	some p in t[4]
	denies_before(p, t[2], 1)
	denies_all_ports(p)
}

denies_all_ports(p) if {
	some pr in p.rule.ports
	pr.from_port <= 1
	pr.to_port >= 65535
}

denies_all_ports(p) if unknown_field(p, "ports")

# Peer `p` may deny `port` from the internet before rule `r`. Each part of the deny rule that is
# unknown counts as matching (as for Google Cloud firewall deny rules): the allow might then be
# shadowed, so it is not reported, and `--show-unknown` lists the check as undecided.
denies_before(p, r, port) if {
	maybe_inbound(p)
	maybe_deny(p)
	evaluated_first(p.rule, r)
	maybe_from_world(p)
	maybe_same_protocol(p, r)
	maybe_covers(p, port)
}

maybe_inbound(p) if lower(p.rule.direction) == "inbound"

maybe_inbound(p) if unknown_field(p, "direction")

maybe_deny(p) if lower(p.rule.access) == "deny"

maybe_deny(p) if unknown_field(p, "access")

maybe_from_world(p) if count(world_fields(p.rule)) > 0

maybe_from_world(p) if unknown_field(p, "source_address_prefix")

maybe_from_world(p) if unknown_field(p, "source_address_prefixes")

maybe_same_protocol(p, r) if lower(p.rule.protocol) in {"*", lower(r.protocol)}

maybe_same_protocol(p, _) if unknown_field(p, "protocol")

maybe_covers(p, port) if covers(p.rule, port)

maybe_covers(p, _) if unknown_field(p, "ports")

# "SSH (port 22)" for each port of `ports` (port → name) that rule tuple `t` lets in, in port order.
exposed(t, ports) := [sprintf("%s (port %d)", [name, port]) |
	some port, name in ports
	serves(t[2], port)
	covers(t[2], port)
	not denied_first(t, port)
]
