package preflight.aws.s3.public_access_point_policy_test

import data.preflight.aws.s3.public_access_point_policy as p

public_read := {
	"effect": "Allow",
	"actions": ["s3:GetObject"],
	"resources": ["arn:aws:s3:eu-west-1:111122223333:accesspoint/partners/object/*"],
	"principals": [{"type": "*", "value": "*"}],
	"conditions": [],
}

flags(policy, restrict) := {
	"configured": true,
	"block_public_acls": true,
	"ignore_public_acls": true,
	"block_public_policy": policy,
	"restrict_public_buckets": restrict,
}

point(pab, extra) := object.union(
	{
		"id": "aws_s3_access_point.partners",
		"label": "partners",
		"unknown": [],
		"network_origin": "Internet",
		"public_access_block": pab,
		"policy": {"statements": [public_read]},
	},
	extra,
)

deny_for(ap, buckets, accounts) := results if {
	results := p.deny with input as {"aws": {"s3": {
		"access_points": [ap],
		"buckets": buckets,
		"account_public_access_blocks": accounts,
	}}}
}

test_public_policy_without_block_denied if {
	results := deny_for(point(flags(false, false), {}), [], [])
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "S3 access point `partners` has a policy that lets anyone perform `s3:GetObject` and a public access block that does not stop it"
}

test_default_block_allowed if count(deny_for(point(flags(true, true), {}), [], [])) == 0

test_restrict_alone_neutralizes if count(deny_for(point(flags(false, true), {}), [], [])) == 0

test_vpc_origin_allowed if count(deny_for(point(flags(false, false), {"network_origin": "VPC"}), [], [])) == 0

test_account_block_neutralizes if {
	account := {"id": "a", "label": "a", "unknown": [], "block_public_policy": false, "restrict_public_buckets": true}
	count(deny_for(point(flags(false, false), {}), [], [account])) == 0
}

test_bucket_restrict_neutralizes if {
	b := {"id": "aws_s3_bucket.lake", "label": "lake", "unknown": [], "public_access_block": {"configured": true, "restrict_public_buckets": true}}
	count(deny_for(point(flags(false, false), {"bucket_id": "aws_s3_bucket.lake"}), [b], [])) == 0
}

test_open_bucket_denied if {
	b := {"id": "aws_s3_bucket.lake", "label": "lake", "unknown": [], "public_access_block": {"configured": false}}
	count(deny_for(point(flags(false, false), {"bucket_id": "aws_s3_bucket.lake"}), [b], [])) == 1
}

test_unknown_flag_silent if {
	pab := json.remove(flags(false, false), ["restrict_public_buckets"])
	count(deny_for(point(pab, {"unknown": ["public_access_block.restrict_public_buckets"]}), [], [])) == 0
}

test_unknown_network_origin_silent if {
	ap := json.remove(point(flags(false, false), {"unknown": ["network_origin"]}), ["network_origin"])
	count(deny_for(ap, [], [])) == 0
}
