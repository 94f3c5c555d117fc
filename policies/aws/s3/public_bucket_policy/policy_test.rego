package preflight.aws.s3.public_bucket_policy_test

import data.preflight.aws.s3.public_bucket_policy as p

public_read := {
	"effect": "Allow",
	"actions": ["s3:GetObject"],
	"resources": ["arn:aws:s3:::acme-site/*"],
	"principals": [{"type": "*", "value": "*"}],
	"conditions": [],
}

bucket(stmts, pab, unknown) := {
	"id": "aws_s3_bucket.site",
	"label": "site",
	"unknown": unknown,
	"acl": "private",
	"grants": [],
	"public_access_block": pab,
	"policy": {"statements": stmts},
}

pab(policy_flag, restrict_flag) := {
	"configured": true,
	"block_public_acls": true,
	"ignore_public_acls": true,
	"block_public_policy": policy_flag,
	"restrict_public_buckets": restrict_flag,
}

deny_for(b) := results if {
	results := p.deny with input as {"aws": {"s3": {"buckets": [b]}}}
}

test_public_read_denied if {
	results := deny_for(bucket([public_read], {"configured": false}, []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "S3 bucket `site` has a policy that lets anyone perform `s3:GetObject`"
}

test_aws_star_principal_second_statement_denied if {
	owner := object.union(public_read, {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]})
	anyone := object.union(public_read, {
		"actions": ["s3:GetObject", "s3:PutObject"],
		"principals": [{"type": "AWS", "value": "*"}],
	})
	results := deny_for(bucket([owner, anyone], {"configured": false}, []))
	count(results) == 1
	some r in results
	r.path == "policy.statements[1]"
	contains(r.message, "`s3:GetObject`, `s3:PutObject`")
}

test_wildcard_action_message if {
	results := deny_for(bucket([object.union(public_read, {"actions": ["*"]})], {"configured": false}, []))
	some r in results
	r.message == "S3 bucket `site` has a policy that lets anyone perform every action"
}

# Policy flags left out of a written public access block default to false, so the policy takes effect.
test_pab_flags_default_false_denied if count(deny_for(bucket([public_read], pab(false, false), []))) == 1

test_restrict_public_buckets_neutralizes if count(deny_for(bucket([public_read], pab(false, true), []))) == 0

test_block_public_policy_neutralizes if count(deny_for(bucket([public_read], pab(true, false), []))) == 0

test_narrowing_condition_allowed if {
	c := {"operator": "StringEquals", "key": "aws:sourcevpce", "values": ["vpce-0a1b2c3d"]}
	count(deny_for(bucket([object.union(public_read, {"conditions": [c]})], {"configured": false}, []))) == 0
}

test_negated_condition_still_denied if {
	c := {"operator": "StringNotEquals", "key": "aws:sourcevpce", "values": ["vpce-0a1b2c3d"]}
	count(deny_for(bucket([object.union(public_read, {"conditions": [c]})], {"configured": false}, []))) == 1
}

test_deny_statement_allowed if {
	count(deny_for(bucket([object.union(public_read, {"effect": "Deny"})], {"configured": false}, []))) == 0
}

test_account_principal_allowed if {
	s := object.union(public_read, {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:role/reader"}]})
	count(deny_for(bucket([s], {"configured": false}, []))) == 0
}

test_no_policy_allowed if {
	b := json.remove(bucket([], {"configured": false}, []), ["policy"])
	count(deny_for(b)) == 0
}

test_unknown_principal_silent if {
	s := json.remove(public_read, ["principals"])
	count(deny_for(bucket([s], {"configured": false}, ["policy.statements[0].principals"]))) == 0
}

test_unknown_policy_silent if {
	b := json.remove(bucket([], {"configured": false}, ["policy"]), ["policy"])
	count(deny_for(b)) == 0
}

# The condition's value is unresolved: it might pin the statement to one VPC endpoint.
test_unknown_condition_value_silent if {
	c := {"operator": "StringEquals", "key": "aws:sourcevpce"}
	s := object.union(public_read, {"conditions": [c]})
	count(deny_for(bucket([s], {"configured": false}, ["policy.statements[0].conditions[0].values"]))) == 0
}

test_unknown_pab_flag_silent if {
	flags := json.remove(pab(false, false), ["restrict_public_buckets"])
	count(deny_for(bucket([public_read], flags, ["public_access_block.restrict_public_buckets"]))) == 0
}

test_bucket_outside_scan_denied if {
	b := object.union(json.remove(bucket([public_read], {}, ["public_access_block", "acl"]), ["public_access_block"]), {"external": true})
	results := deny_for(b)
	count(results) == 1
	some r in results
	contains(r.message, "defined outside the scanned code")
}

test_bucket_outside_scan_with_block_in_code_allowed if {
	b := object.union(bucket([public_read], pab(true, true), []), {"external": true})
	count(deny_for(b)) == 0
}

test_website_message if {
	b := object.union(bucket([public_read], {"configured": false}, []), {"website": true})
	some r in deny_for(b)
	r.message == "S3 bucket `site` has a policy that lets anyone perform `s3:GetObject`; it hosts a static website, which serves every object by URL"
}

account(policy, restrict, unknown) := {"id": "a", "label": "a", "unknown": unknown, "block_public_policy": policy, "restrict_public_buckets": restrict}

deny_with_account(b, a) := results if {
	results := p.deny with input as {"aws": {"s3": {"buckets": [b], "account_public_access_blocks": [a]}}}
}

test_account_block_neutralizes if count(deny_with_account(bucket([public_read], {"configured": false}, []), account(false, true, []))) == 0

test_account_block_off_denied if count(deny_with_account(bucket([public_read], {"configured": false}, []), account(false, false, []))) == 1

test_unknown_account_flag_silent if {
	a := json.remove(account(false, false, ["restrict_public_buckets"]), ["restrict_public_buckets"])
	count(deny_with_account(bucket([public_read], {"configured": false}, []), a)) == 0
}
