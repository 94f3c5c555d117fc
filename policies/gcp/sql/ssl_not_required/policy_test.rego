package preflight.gcp.sql.ssl_not_required_test

import data.preflight.gcp.sql.ssl_not_required as p

inst(extra) := object.union({"id": "google_sql_database_instance.db", "label": "db", "unknown": [], "ipv4_enabled": true,
	"authorized_networks": [], "ssl_required": true}, extra)

deny_for(i) := results if {
	results := p.deny with input as {"gcp": {"sql": {"instances": [i]}}}
}

test_not_required_denied if {
	results := deny_for(inst({"ssl_required": false}))
	count(results) == 1
	some r in results
	r.path == "ssl_required"
}

test_required_allowed if count(deny_for(inst({}))) == 0

test_unknown_silent if count(deny_for(object.remove(inst({"unknown": ["ssl_required"]}), ["ssl_required"]))) == 0
