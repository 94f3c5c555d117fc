package preflight.aws.rds.publicly_accessible_test

import data.preflight.aws.rds.publicly_accessible as p

instance(extra) := object.union(
	{"id": "aws_db_instance.main", "label": "main", "unknown": [], "engine": "postgres", "storage_encrypted": true},
	extra,
)

deny_for(db) := results if {
	results := p.deny with input as {"aws": {"rds": {"instances": [db]}}}
}

test_public_instance_denied if {
	results := deny_for(instance({"publicly_accessible": true}))
	count(results) == 1
	some r in results
	r.id == "aws_db_instance.main"
	r.path == "publicly_accessible"
	r.message == "RDS instance `main` is publicly accessible from the internet"
}

test_private_instance_allowed if count(deny_for(instance({"publicly_accessible": false}))) == 0

# Left out: the adapter fills in the default, false.
test_left_out_default_allowed if count(deny_for(instance({"publicly_accessible": false}))) == 0

test_unknown_silent if count(deny_for(instance({"unknown": ["publicly_accessible"]}))) == 0
