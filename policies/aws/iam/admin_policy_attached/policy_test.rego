package preflight.aws.iam.admin_policy_attached_test

import data.preflight.aws.iam.admin_policy_attached as p

attachment(arn, roles) := {"id": "aws_iam_role_policy_attachment.a", "label": "a", "unknown": [], "policy_arn": arn, "roles": roles, "users": [], "groups": []}

role(arns) := {"id": "aws_iam_role.ci", "label": "ci", "unknown": [], "name": "ci", "managed_policy_arns": arns}

deny_for(iam) := results if {
	in_ := {"aws": {"iam": object.union({"roles": [], "users": [], "groups": [], "policy_attachments": [], "policies": []}, iam)}}
	results := p.deny with input as in_
}

test_attachment_denied if {
	results := deny_for({"roles": [role([])], "policy_attachments": [attachment("arn:aws:iam::aws:policy/AdministratorAccess", ["aws_iam_role.ci"])]})
	count(results) == 1
	some r in results
	r.path == "policy_arn"
	r.message == "`a` attaches `AdministratorAccess` to role `ci`"
}

test_other_partition_denied if {
	count(deny_for({"policy_attachments": [attachment("arn:aws-us-gov:iam::aws:policy/PowerUserAccess", ["x"])]})) == 1
}

test_managed_policy_arns_denied if {
	results := deny_for({"roles": [role(["arn:aws:iam::aws:policy/IAMFullAccess"])]})
	some r in results
	r.message == "IAM role `ci` has `IAMFullAccess` attached"
}

test_read_only_allowed if count(deny_for({"roles": [role(["arn:aws:iam::aws:policy/ReadOnlyAccess"])]})) == 0

test_customer_policy_named_admin_allowed if {
	count(deny_for({"policy_attachments": [attachment("arn:aws:iam::111122223333:policy/AdministratorAccess", ["x"])]})) == 0
}

test_no_target_allowed if count(deny_for({"policy_attachments": [attachment("arn:aws:iam::aws:policy/AdministratorAccess", [])]})) == 0

test_unknown_arn_silent if {
	a := json.remove(attachment("", ["x"]), ["policy_arn"])
	count(deny_for({"policy_attachments": [object.union(a, {"unknown": ["policy_arn"]})]})) == 0
}
