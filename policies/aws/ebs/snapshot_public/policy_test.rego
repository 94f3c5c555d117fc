package preflight.aws.ebs.snapshot_public_test

import data.preflight.aws.ebs.snapshot_public as p

perm(extra) := object.union({"id": "aws_snapshot_create_volume_permission.share", "label": "share", "unknown": []}, extra)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"compute": {"snapshot_permissions": [x]}}}
}

test_all_denied if {
	results := deny_for(perm({"snapshot_id": "snap-0a1b2c3d", "account_id": "all"}))
	count(results) == 1
	some r in results
	r.path == "account_id"
	r.message == "EBS snapshot permission `share` lets every AWS account create volumes from the snapshot"
}

test_one_account_allowed if count(deny_for(perm({"account_id": "210987654321"}))) == 0

test_left_out_allowed if count(deny_for(perm({}))) == 0

test_unknown_silent if count(deny_for(perm({"unknown": ["account_id"]}))) == 0
