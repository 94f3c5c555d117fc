package preflight.aws.rds.storage_not_encrypted_test

import data.preflight.aws.rds.storage_not_encrypted as p

instance(extra) := object.union(
	{"id": "aws_db_instance.main", "label": "main", "unknown": [], "engine": "postgres", "publicly_accessible": false},
	extra,
)

cluster(extra) := object.union(
	{"id": "aws_rds_cluster.orders", "label": "orders", "unknown": [], "engine": "aurora-mysql", "engine_mode": "provisioned"},
	extra,
)

deny_for(instances, clusters) := results if {
	results := p.deny with input as {"aws": {"rds": {"instances": instances, "clusters": clusters}}}
}

test_unencrypted_instance_denied if {
	results := deny_for([instance({"storage_encrypted": false})], [])
	count(results) == 1
	some r in results
	r.id == "aws_db_instance.main"
	r.path == "storage_encrypted"
	r.message == "RDS instance `main` stores data unencrypted"
}

test_unencrypted_cluster_denied if {
	results := deny_for([], [cluster({"storage_encrypted": false})])
	count(results) == 1
	some r in results
	r.message == "RDS cluster `orders` stores data unencrypted"
}

test_encrypted_allowed if {
	count(deny_for([instance({"storage_encrypted": true})], [cluster({"storage_encrypted": true})])) == 0
}

# Left out: the adapter fills in false, which is reported like a written false.
test_left_out_default_denied if {
	count(deny_for([instance({"storage_encrypted": false})], [cluster({"storage_encrypted": false})])) == 2
}

# Inherited from a cluster, a replica source or a snapshot: the attribute is absent and nothing is said.
test_inherited_silent if count(deny_for([instance({})], [cluster({})])) == 0

test_unknown_silent if {
	count(deny_for([instance({"unknown": ["storage_encrypted"]})], [cluster({"unknown": ["storage_encrypted"]})])) == 0
}
