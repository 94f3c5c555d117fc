package preflight.aws.ami.shared_with_account_test

import data.preflight.aws.ami.shared_with_account as p

perm(lps) := {"id": "aws_ami_launch_permission.partner", "label": "partner", "unknown": [], "launch_permissions": lps}

lp(extra) := object.union({"user_groups": [], "user_ids": [], "organization_arns": [], "organizational_unit_arns": []}, extra)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"compute": {"image_permissions": [x]}}}
}

test_account_denied if {
	results := deny_for(perm([lp({"user_ids": ["210987654321"]})]))
	count(results) == 1
	some r in results
	r.path == "launch_permissions[0].user_ids"
	r.message == "`partner` lets AWS account 210987654321 launch and copy the AMI"
}

test_organization_allowed if {
	count(deny_for(perm([lp({"organization_arns": ["arn:aws:organizations::111122223333:organization/o-abc123"]})]))) == 0
}

# Left out: no user_ids means no account is named.
test_no_accounts_allowed if count(deny_for(perm([lp({})]))) == 0

test_unknown_silent if {
	x := object.union(perm([object.remove(lp({}), ["user_ids"])]), {"unknown": ["launch_permissions[0].user_ids"]})
	count(deny_for(x)) == 0
}
