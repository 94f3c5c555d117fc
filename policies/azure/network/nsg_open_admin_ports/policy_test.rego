package preflight.azure.network.nsg_open_admin_ports_test

import data.preflight.azure.network.nsg_open_admin_ports as p

rule(extra) := object.union(
	{
		"name": "in", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"source_address_prefix": "*", "destination_port_range": "22",
		"ports": [{"from_port": 22, "to_port": 22, "field": "destination_port_range"}],
	},
	extra,
)

group(rules) := {"id": "azurerm_network_security_group.web", "label": "web", "unknown": [], "security_rule": rules}

deny_for(rules) := results if {
	results := p.deny with input as {"azure": {"network": {"security_groups": [group(rules)], "security_rules": []}}}
}

deny_standalone(r) := results if {
	results := p.deny with input as {"azure": {"network": {"security_groups": [], "security_rules": [
		{"id": "azurerm_network_security_rule.in", "label": "in", "unknown": [], "rule": r},
	]}}}
}

test_inline_denied if {
	results := deny_for([rule({})])
	count(results) == 1
	some r in results
	r.path == "security_rule[0].source_address_prefix"
	r.message == "Network security group `web` rule `in` allows SSH (port 22) from the whole internet (*)"
}

test_standalone_denied if {
	results := deny_standalone(rule({"source_address_prefix": "Internet"}))
	count(results) == 1
	some r in results
	r.path == "rule.source_address_prefix"
}

test_prefix_list_denied if {
	results := deny_for([object.union(object.remove(rule({}), ["source_address_prefix"]), {"source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"]})])
	some r in results
	r.path == "security_rule[0].source_address_prefixes"
}

test_private_source_allowed if count(deny_for([rule({"source_address_prefix": "10.0.0.0/16"})])) == 0

test_outbound_allowed if count(deny_for([rule({"direction": "Outbound"})])) == 0

test_deny_rule_allowed if count(deny_for([rule({"access": "Deny"})])) == 0

test_earlier_deny_allowed if {
	count(deny_for([rule({"priority": 200}), rule({"name": "block", "priority": 100, "access": "Deny"})])) == 0
}

test_unknown_source_silent if {
	r := object.remove(rule({}), ["source_address_prefix"])
	results := p.deny with input as {"azure": {"network": {"security_rules": [], "security_groups": [{
		"id": "azurerm_network_security_group.web", "label": "web",
		"unknown": ["security_rule[0].source_address_prefix"], "security_rule": [r],
	}]}}}
	count(results) == 0
}

test_range_names_every_admin_port if {
	results := deny_for([rule({"ports": [{"from_port": 20, "to_port": 3389, "field": "destination_port_range"}]})])
	some r in results
	r.message == "Network security group `web` rule `in` allows SSH (port 22), Telnet (port 23), RDP (port 3389) from the whole internet (*)"
}

test_all_ports_left_to_003 if {
	count(deny_for([rule({"ports": [{"from_port": 0, "to_port": 65535, "field": "destination_port_range"}]})])) == 0
}

# --- Separate rules joined to their group; Deny rules evaluated first ---

single(name, r) := {"id": sprintf("azurerm_network_security_rule.%s", [name]), "label": name, "unknown": [], "rule": r, "group": "azurerm_network_security_group.web"}

deny_joined(inline, singles) := results if {
	results := p.deny with input as {"azure": {"network": {"security_groups": [group(inline)], "security_rules": singles}}}
}

deny_ssh(priority) := rule({"name": "deny-ssh", "access": "Deny", "priority": priority})

test_separate_deny_first_shadows_separate_allow if count(deny_joined([], [single("a", rule({"priority": 200})), single("d", deny_ssh(100))])) == 0

test_inline_deny_first_shadows_separate_allow if count(deny_joined([deny_ssh(100)], [single("a", rule({"priority": 200}))])) == 0

test_separate_deny_first_shadows_inline_allow if count(deny_joined([rule({"priority": 200})], [single("d", deny_ssh(100))])) == 0

test_separate_deny_later_ignored if count(deny_joined([], [single("a", rule({"priority": 200})), single("d", deny_ssh(300))])) == 1

test_deny_of_other_group_ignored if {
	other := object.remove(single("d", deny_ssh(100)), ["group"])
	count(deny_joined([], [single("a", rule({"priority": 200})), other])) == 1
}

test_unknown_deny_priority_silent if {
	d := object.remove(deny_ssh(100), ["priority"])
	count(deny_joined([], [single("a", rule({"priority": 200})), single("d", d)])) == 0
}

# A deny rule evaluated first whose source, ports, protocol or access are unknown may refuse the
# traffic: the allow is not reported (it is left undecided).
test_inline_deny_unknown_source_silent if {
	d := object.remove(deny_ssh(100), ["source_address_prefix"])
	g := object.union(group([d, rule({"priority": 200})]), {"unknown": ["security_rule[0].source_address_prefix"]})
	count(p.deny) == 0 with input as {"azure": {"network": {"security_groups": [g], "security_rules": []}}}
}

test_separate_deny_unknown_ports_silent if {
	d := object.union(single("d", object.union(deny_ssh(100), {"ports": []})), {"unknown": ["rule.destination_port_range", "rule.ports"]})
	count(deny_joined([], [single("a", rule({"priority": 200})), d])) == 0
}

test_separate_deny_unknown_protocol_silent if {
	d := object.union(single("d", object.remove(deny_ssh(100), ["protocol"])), {"unknown": ["rule.protocol"]})
	count(deny_joined([], [single("a", rule({"priority": 200})), d])) == 0
}

test_unknown_inline_rule_list_silences_separate_allow if {
	g := object.union(group([]), {"unknown": ["security_rule"]})
	count(p.deny) == 0 with input as {"azure": {"network": {"security_groups": [g], "security_rules": [single("a", rule({"priority": 200}))]}}}
}

# Unknown parts of a deny rule evaluated later, or of a deny rule known not to match, change nothing.
test_later_deny_unknown_source_ignored if {
	d := object.union(single("d", object.remove(deny_ssh(300), ["source_address_prefix"])), {"unknown": ["rule.source_address_prefix"]})
	count(deny_joined([], [single("a", rule({"priority": 200})), d])) == 1
}

test_deny_of_other_port_unknown_source_ignored if {
	r := object.union(deny_ssh(100), {"destination_port_range": "443", "ports": [{"from_port": 443, "to_port": 443, "field": "destination_port_range"}]})
	d := object.union(single("d", object.remove(r, ["source_address_prefix"])), {"unknown": ["rule.source_address_prefix"]})
	count(deny_joined([], [single("a", rule({"priority": 200})), d])) == 1
}
