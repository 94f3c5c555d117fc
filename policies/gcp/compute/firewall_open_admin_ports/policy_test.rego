package preflight.gcp.compute.firewall_open_admin_ports_test

import data.preflight.gcp.compute.firewall_open_admin_ports as p


fw(rules, extra) := object.union({"id": "google_compute_firewall.f", "label": "f", "unknown": [], "direction": "INGRESS",
	"disabled": false, "source_ranges": ["0.0.0.0/0"], "source_tags": [], "source_service_accounts": [], "allow": [object.union(r, {"block": 0}) | some r in rules]}, extra)

deny_for(f) := results if {
	results := p.deny with input as {"gcp": {"compute": {"firewalls": [f]}}}
}

test_ssh_denied if {
	results := deny_for(fw([{"protocol": "tcp", "from_port": 22, "to_port": 22}], {}))
	count(results) == 1
	some r in results
	r.path == "allow[0]"
	r.message == "Firewall rule `f` allows SSH (port 22) from the whole internet (0.0.0.0/0)"
}

test_private_source_allowed if count(deny_for(fw([{"protocol": "tcp", "from_port": 22, "to_port": 22}], {"source_ranges": ["10.0.0.0/8"]}))) == 0

test_disabled_allowed if count(deny_for(fw([{"protocol": "tcp", "from_port": 22, "to_port": 22}], {"disabled": true}))) == 0

test_egress_allowed if count(deny_for(fw([{"protocol": "tcp", "from_port": 22, "to_port": 22}], {"direction": "EGRESS"}))) == 0

test_https_allowed if count(deny_for(fw([{"protocol": "tcp", "from_port": 443, "to_port": 443}], {}))) == 0

test_unknown_sources_silent if {
	count(deny_for(fw([{"protocol": "tcp", "from_port": 22, "to_port": 22}], {"source_ranges": [], "unknown": ["source_ranges"]}))) == 0
}
