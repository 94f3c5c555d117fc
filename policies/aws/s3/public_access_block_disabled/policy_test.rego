package preflight.aws.s3.public_access_block_disabled_test

import data.preflight.aws.s3.public_access_block_disabled as p

all_on := {
	"configured": true,
	"block_public_acls": true,
	"block_public_policy": true,
	"ignore_public_acls": true,
	"restrict_public_buckets": true,
}

bucket(pab, unknown) := {
	"id": "aws_s3_bucket.logs",
	"label": "logs",
	"unknown": unknown,
	"acl": "private",
	"grants": [],
	"public_access_block": pab,
}

deny_for(b) := results if {
	results := p.deny with input as {"aws": {"s3": {"buckets": [b]}}}
}

test_one_flag_off_denied if {
	results := deny_for(bucket(object.union(all_on, {"restrict_public_buckets": false}), []))
	count(results) == 1
	some r in results
	r.id == "aws_s3_bucket.logs"
	r.path == "public_access_block.restrict_public_buckets"
	r.message == "S3 bucket `logs` has a public access block with `restrict_public_buckets` turned off"
}

test_several_flags_off_one_finding_at_first if {
	pab := object.union(all_on, {"block_public_policy": false, "ignore_public_acls": false})
	results := deny_for(bucket(pab, []))
	count(results) == 1
	some r in results
	r.path == "public_access_block.block_public_policy"
	contains(r.message, "`block_public_policy`, `ignore_public_acls`")
}

# A public access block written with no flags: the adapter fills each one in as Terraform's default, false.
test_flags_left_out_denied if {
	pab := {
		"configured": true,
		"block_public_acls": false,
		"block_public_policy": false,
		"ignore_public_acls": false,
		"restrict_public_buckets": false,
	}
	results := deny_for(bucket(pab, []))
	count(results) == 1
	some r in results
	r.path == "public_access_block.block_public_acls"
}

test_all_flags_on_allowed if count(deny_for(bucket(all_on, []))) == 0

# No public access block resource: AWS keeps its own default block on new buckets.
test_not_configured_allowed if count(deny_for(bucket({"configured": false}, []))) == 0

test_unknown_flags_silent if {
	pab := {"configured": true}
	unknown := [
		"public_access_block.block_public_acls",
		"public_access_block.block_public_policy",
		"public_access_block.ignore_public_acls",
		"public_access_block.restrict_public_buckets",
	]
	count(deny_for(bucket(pab, unknown))) == 0
}

# Only the known false flag is reported; the unresolved ones are neither listed nor pointed at.
test_unknown_and_false_reports_known_only if {
	pab := {"configured": true, "block_public_acls": true, "ignore_public_acls": false}
	unknown := ["public_access_block.block_public_policy", "public_access_block.restrict_public_buckets"]
	results := deny_for(bucket(pab, unknown))
	count(results) == 1
	some r in results
	r.path == "public_access_block.ignore_public_acls"
	r.message == "S3 bucket `logs` has a public access block with `ignore_public_acls` turned off"
}
