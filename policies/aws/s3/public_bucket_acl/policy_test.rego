package preflight.aws.s3.public_bucket_acl_test

import data.preflight.aws.s3.public_bucket_acl as p

bucket(extra) := object.union(
	{
		"id": "aws_s3_bucket.b",
		"label": "b",
		"unknown": [],
		"acl": "private",
		"grants": [],
		"public_access_block": {"configured": false},
	},
	extra,
)

deny_for(b) := results if {
	results := p.deny with input as {"aws": {"s3": {"buckets": [b]}}}
}

test_public_read_acl_denied if {
	results := deny_for(bucket({"acl": "public-read"}))
	count(results) == 1
	some r in results
	r.path == "acl"
}

test_all_users_grant_denied if {
	g := {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers", "permission": "READ"}
	results := deny_for(bucket({"grants": [g]}))
	some r in results
	r.path == "grants[0]"
}

test_private_acl_allowed if count(deny_for(bucket({}))) == 0

test_ignore_public_acls_neutralizes if {
	pab := {"configured": true, "block_public_acls": false, "ignore_public_acls": true}
	count(deny_for(bucket({"acl": "public-read", "public_access_block": pab}))) == 0
}

test_bucket_owner_enforced_neutralizes if {
	count(deny_for(bucket({"acl": "public-read", "object_ownership": "BucketOwnerEnforced"}))) == 0
}

test_unknown_acl_silent if {
	b := json.remove(bucket({"unknown": ["acl"]}), ["acl"])
	count(deny_for(b)) == 0
}

test_unknown_pab_flag_silent if {
	pab := {"configured": true, "block_public_acls": false}
	count(deny_for(bucket({"acl": "public-read", "public_access_block": pab}))) == 0
}

deny_with_accounts(b, accounts) := results if {
	results := p.deny with input as {"aws": {"s3": {"buckets": [b], "account_public_access_blocks": accounts}}}
}

account(flags, unknown) := object.union({"id": "a", "label": "a", "unknown": unknown}, flags)

test_account_ignore_public_acls_neutralizes if {
	a := account({"block_public_acls": false, "ignore_public_acls": true}, [])
	count(deny_with_accounts(bucket({"acl": "public-read"}), [a])) == 0
}

test_account_flags_off_denied if {
	a := account({"block_public_acls": false, "ignore_public_acls": false}, [])
	count(deny_with_accounts(bucket({"acl": "public-read"}), [a])) == 1
}

test_unknown_account_flag_silent if {
	a := account({"block_public_acls": false}, ["ignore_public_acls"])
	count(deny_with_accounts(bucket({"acl": "public-read"}), [a])) == 0
}

# A bucket outside the scan: its block and ownership are unknown, and nothing in the code neutralizes.
test_bucket_outside_scan_denied if {
	b := json.remove(bucket({"acl": "public-read", "external": true, "unknown": ["public_access_block", "object_ownership"]}), ["public_access_block"])
	results := deny_for(b)
	count(results) == 1
	some r in results
	contains(r.message, "defined outside the scanned code")
}

test_bucket_outside_scan_with_ownership_in_code_allowed if {
	b := json.remove(bucket({"acl": "public-read", "external": true, "object_ownership": "BucketOwnerEnforced", "unknown": ["public_access_block"]}), ["public_access_block"])
	count(deny_for(b)) == 0
}
