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
