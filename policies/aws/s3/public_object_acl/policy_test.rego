package preflight.aws.s3.public_object_acl_test

import data.preflight.aws.s3.public_object_acl as p

object(acl, bucket_id) := o if {
	base := {
		"id": "aws_s3_object.report",
		"label": "report",
		"unknown": [],
		"key": "q3/report.pdf",
		"bucket": "acme-reports",
		"acl": acl,
		"grants": [],
	}
	o := object.union(base, bucket_id)
}

in_bucket := {"bucket_id": "aws_s3_bucket.reports"}

bucket(pab, extra) := object.union(
	{
		"id": "aws_s3_bucket.reports",
		"label": "reports",
		"unknown": [],
		"external": false,
		"public_access_block": pab,
	},
	extra,
)

no_block := {"configured": false}

deny_for(o, buckets, accounts) := results if {
	results := p.deny with input as {"aws": {"s3": {
		"objects": [o],
		"buckets": buckets,
		"account_public_access_blocks": accounts,
	}}}
}

test_public_read_in_open_bucket_denied if {
	results := deny_for(object("public-read", in_bucket), [bucket(no_block, {})], [])
	count(results) == 1
	some r in results
	r.path == "acl"
	r.message == "S3 object `report` lets anyone read it through its `public-read` ACL (key `q3/report.pdf` in bucket `acme-reports`)"
}

test_all_users_grant_denied if {
	g := {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers", "permission": "READ"}
	o := object.union(object("private", in_bucket), {"grants": [g]})
	results := deny_for(o, [bucket(no_block, {})], [])
	some r in results
	r.path == "grants[0]"
}

test_bucket_not_in_scan_denied if count(deny_for(object("authenticated-read", {}), [], [])) == 1

test_private_allowed if count(deny_for(object("private", in_bucket), [bucket(no_block, {})], [])) == 0

test_bucket_owner_enforced_neutralizes if {
	b := bucket(no_block, {"object_ownership": "BucketOwnerEnforced"})
	count(deny_for(object("public-read", in_bucket), [b], [])) == 0
}

test_bucket_ignore_public_acls_neutralizes if {
	pab := {"configured": true, "block_public_acls": false, "ignore_public_acls": true}
	count(deny_for(object("public-read", in_bucket), [bucket(pab, {})], [])) == 0
}

test_account_block_neutralizes_bucket_outside_scan if {
	account := {"id": "a", "label": "a", "unknown": [], "block_public_acls": true, "ignore_public_acls": false}
	count(deny_for(object("public-read", {}), [], [account])) == 0
}

test_unknown_acl_silent if {
	o := json.remove(object("x", in_bucket), ["acl"])
	count(deny_for(object.union(o, {"unknown": ["acl"]}), [bucket(no_block, {})], [])) == 0
}

test_unknown_bucket_flag_silent if {
	pab := {"configured": true, "block_public_acls": false}
	b := bucket(pab, {"unknown": ["public_access_block.ignore_public_acls"]})
	count(deny_for(object("public-read", in_bucket), [b], [])) == 0
}

test_unknown_account_flag_silent if {
	account := {"id": "a", "label": "a", "unknown": ["ignore_public_acls"], "block_public_acls": false}
	count(deny_for(object("public-read", {}), [], [account])) == 0
}
