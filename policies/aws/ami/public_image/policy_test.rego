package preflight.aws.ami.public_image_test

import data.preflight.aws.ami.public_image as p

perm(lps) := {"id": "aws_ami_launch_permission.public", "label": "public", "unknown": [], "launch_permissions": lps}

lp(extra) := object.union({"user_groups": [], "user_ids": [], "organization_arns": [], "organizational_unit_arns": []}, extra)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"compute": {"image_permissions": [x]}}}
}

test_group_all_denied if {
	results := deny_for(perm([lp({"user_ids": ["111122223333"]}), lp({"user_groups": ["all"]})]))
	count(results) == 1
	some r in results
	r.path == "launch_permissions[1].user_groups"
	r.message == "`public` lets every AWS account launch the AMI"
}

test_accounts_allowed if count(deny_for(perm([lp({"user_ids": ["111122223333"]})]))) == 0

test_no_permission_allowed if count(deny_for(perm([]))) == 0

test_unknown_silent if {
	x := object.union(perm([lp({})]), {"unknown": ["launch_permissions[0].user_groups"]})
	count(deny_for(x)) == 0
}
