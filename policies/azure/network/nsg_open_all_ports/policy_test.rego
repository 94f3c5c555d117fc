package preflight.azure.network.nsg_open_all_ports_test

import data.preflight.azure.network.nsg_open_all_ports as p

rule(extra) := object.union(
	{
		"name": "in", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"source_address_prefix": "*", "destination_port_range": "*",
		"ports": [{"from_port": 0, "to_port": 65535, "field": "destination_port_range"}],
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
	r.message == "Network security group `web` rule `in` allows every port from the whole internet (*)"
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

test_single_port_allowed if {
	count(deny_for([rule({"ports": [{"from_port": 443, "to_port": 443, "field": "destination_port_range"}]})])) == 0
}

single(name, r) := {"id": sprintf("azurerm_network_security_rule.%s", [name]), "label": name, "unknown": [], "rule": r, "group": "azurerm_network_security_group.web"}

deny_joined(inline, singles) := results if {
	results := p.deny with input as {"azure": {"network": {"security_groups": [group(inline)], "security_rules": singles}}}
}

test_full_deny_first_shadows if count(deny_joined([], [single("a", rule({"priority": 200})), single("d", rule({"access": "Deny", "protocol": "*"}))])) == 0

test_ssh_deny_leaves_every_other_port if {
	ssh := rule({"access": "Deny", "destination_port_range": "22", "ports": [{"from_port": 22, "to_port": 22, "field": "destination_port_range"}]})
	count(deny_joined([ssh], [single("a", rule({"priority": 200}))])) == 1
}

test_tcp_deny_leaves_udp if {
	any := rule({"priority": 200, "protocol": "*"})
	count(deny_joined([rule({"access": "Deny"})], [single("a", any)])) == 1
}
