package preflight.gcp.compute.firewall_open_data_ports_test

import data.preflight.gcp.compute.firewall_open_data_ports as p


fw(rules, extra) := object.union({"id": "google_compute_firewall.f", "label": "f", "unknown": [], "direction": "INGRESS",
	"disabled": false, "source_ranges": ["0.0.0.0/0"], "source_tags": [], "source_service_accounts": [], "allow": [object.union(r, {"block": 0}) | some r in rules]}, extra)

deny_for(f) := results if {
	results := p.deny with input as {"gcp": {"compute": {"firewalls": [f]}}}
}

test_postgres_denied if {
	results := deny_for(fw([{"protocol": "tcp", "from_port": 5432, "to_port": 5432}], {}))
	count(results) == 1
	some r in results
	r.message == "Firewall rule `f` allows PostgreSQL (port 5432) from the whole internet (0.0.0.0/0)"
}

test_tagged_sources_allowed if {
	count(deny_for(fw([{"protocol": "tcp", "from_port": 5432, "to_port": 5432}], {"source_ranges": [], "source_tags": ["app"]}))) == 0
}

test_all_ports_left_to_other_rule if count(deny_for(fw([{"protocol": "-1", "from_port": 0, "to_port": 65535}], {}))) == 0

test_unknown_ports_silent if count(deny_for(fw([{"protocol": "tcp"}], {"unknown": ["allow[0].from_port", "allow[0].to_port"]}))) == 0

# --- Deny rules evaluated first (rule order as Google applies it) ---

deny_all(fws) := results if {
	results := p.deny with input as {"gcp": {"compute": {"firewalls": fws}}}
}

opened := fw([{"protocol": "tcp", "from_port": 5432, "to_port": 5432}], {"network": "vpc", "priority": 1000, "target_tags": [], "target_service_accounts": [], "deny": []})

denier(extra) := object.union({"id": "google_compute_firewall.d", "label": "d", "unknown": [], "direction": "INGRESS",
	"disabled": false, "source_ranges": ["0.0.0.0/0"], "source_tags": [], "source_service_accounts": [], "allow": [],
	"network": "vpc", "priority": 900, "target_tags": [], "target_service_accounts": [],
	"deny": [object.union({"protocol": "tcp", "from_port": 5000, "to_port": 6000}, {"block": 0})]}, extra)

test_deny_first_shadows if count(deny_all([opened, denier({})])) == 0

test_equal_priority_deny_wins if count(deny_all([opened, denier({"priority": 1000})])) == 0

test_deny_all_protocols_shadows if count(deny_all([opened, denier({"deny": [{"protocol": "-1", "from_port": 0, "to_port": 65535, "block": 0}]})])) == 0

test_later_deny_ignored if count(deny_all([opened, denier({"priority": 1001})])) == 1

test_other_network_deny_ignored if count(deny_all([opened, denier({"network": "other"})])) == 1

test_disabled_deny_ignored if count(deny_all([opened, denier({"disabled": true})])) == 1

test_egress_deny_ignored if count(deny_all([opened, denier({"direction": "EGRESS"})])) == 1

test_narrower_target_deny_ignored if count(deny_all([opened, denier({"target_tags": ["web"]})])) == 1

test_same_target_deny_shadows if {
	tagged := object.union(opened, {"target_tags": ["web"]})
	count(deny_all([tagged, denier({"target_tags": ["web", "db"]})])) == 0
}

test_private_source_deny_ignored if count(deny_all([opened, denier({"source_ranges": ["10.0.0.0/8"]})])) == 1

test_ipv4_deny_leaves_ipv6 if {
	both := object.union(opened, {"source_ranges": ["0.0.0.0/0", "::/0"]})
	count(deny_all([both, denier({})])) == 1
}

test_other_port_deny_ignored if count(deny_all([opened, denier({"deny": [{"protocol": "tcp", "from_port": 1, "to_port": 21, "block": 0}]})])) == 1

test_unknown_deny_priority_silent if {
	d := object.remove(denier({"unknown": ["priority"]}), ["priority"])
	count(deny_all([opened, d])) == 0
}

test_unknown_deny_network_silent if {
	d := object.remove(denier({"unknown": ["network"], "priority": 2000}), ["network"])
	count(deny_all([opened, denier({"network": "x"}), d])) == 1
	count(deny_all([opened, object.union(d, {"priority": 10})])) == 0
}
