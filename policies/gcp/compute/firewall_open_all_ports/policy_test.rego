package preflight.gcp.compute.firewall_open_all_ports_test

import data.preflight.gcp.compute.firewall_open_all_ports as p


fw(rules, extra) := object.union({"id": "google_compute_firewall.f", "label": "f", "unknown": [], "direction": "INGRESS",
	"disabled": false, "source_ranges": ["0.0.0.0/0"], "source_tags": [], "source_service_accounts": [], "allow": [object.union(r, {"block": 0}) | some r in rules]}, extra)

deny_for(f) := results if {
	results := p.deny with input as {"gcp": {"compute": {"firewalls": [f]}}}
}

test_all_protocols_denied if {
	results := deny_for(fw([{"protocol": "-1", "from_port": 0, "to_port": 65535}], {}))
	count(results) == 1
	some r in results
	r.message == "Firewall rule `f` allows all traffic from the whole internet (0.0.0.0/0)"
}

test_every_tcp_port_denied if count(deny_for(fw([{"protocol": "tcp", "from_port": 0, "to_port": 65535}], {}))) == 1

test_some_ports_allowed if count(deny_for(fw([{"protocol": "tcp", "from_port": 443, "to_port": 443}], {}))) == 0

test_unknown_sources_silent if count(deny_for(fw([{"protocol": "-1", "from_port": 0, "to_port": 65535}], {"source_ranges": [], "unknown": ["source_ranges"]}))) == 0
