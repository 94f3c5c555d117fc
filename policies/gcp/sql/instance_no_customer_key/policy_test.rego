package preflight.gcp.sql.instance_no_customer_key_test

import data.preflight.gcp.sql.instance_no_customer_key as p

db(extra) := object.union({"id": "google_sql_database_instance.db", "label": "db", "unknown": [], "authorized_networks": [], "replica": false}, extra)

deny_for(d) := results if {
	results := p.deny with input as {"gcp": {"sql": {"instances": [d]}}}
}

test_google_key_denied if {
	results := deny_for(db({}))
	count(results) == 1
	some r in results
	r.path == "kms_key_name"
}

test_customer_key_allowed if count(deny_for(db({"kms_key_name": "projects/p/locations/europe-west1/keyRings/sql/cryptoKeys/db"}))) == 0

test_replica_left_to_primary if count(deny_for(db({"replica": true}))) == 0

test_unknown_silent if count(deny_for(db({"unknown": ["kms_key_name"]}))) == 0
