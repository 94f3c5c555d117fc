package preflight.gcp.sql.public_authorized_network_test

import data.preflight.gcp.sql.public_authorized_network as p

inst(extra) := object.union({"id": "google_sql_database_instance.db", "label": "db", "unknown": [], "ipv4_enabled": true,
	"authorized_networks": [], "ssl_required": true}, extra)

deny_for(i) := results if {
	results := p.deny with input as {"gcp": {"sql": {"instances": [i]}}}
}

test_world_denied if {
	results := deny_for(inst({"authorized_networks": [{"name": "all", "value": "0.0.0.0/0"}]}))
	count(results) == 1
	some r in results
	r.path == "authorized_networks[0].value"
}

test_office_allowed if count(deny_for(inst({"authorized_networks": [{"value": "203.0.113.0/24"}]}))) == 0

test_private_only_allowed if count(deny_for(inst({"ipv4_enabled": false, "authorized_networks": [{"value": "0.0.0.0/0"}]}))) == 0

test_unknown_ip_silent if {
	count(deny_for(object.remove(inst({"unknown": ["ipv4_enabled"], "authorized_networks": [{"value": "0.0.0.0/0"}]}), ["ipv4_enabled"]))) == 0
}
