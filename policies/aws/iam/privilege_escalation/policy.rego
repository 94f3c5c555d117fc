# METADATA
# title: IAM policy lets its holder grant itself more permissions
# description: |
#   Some actions change who can do what: writing a new version of a managed policy, attaching or
#   embedding a policy in a user, group or role, adding a user to a group, rewriting a role's trust
#   policy, or creating access keys and console passwords for other users. Allowed on Resource "*",
#   any one of them lets the identity make itself (or a user it controls) an administrator, whatever
#   the rest of its policy says. Replacing the code of any Lambda function or the SSH key of any Glue
#   development endpoint does the same through the role those run as. High: one API call turns a
#   narrow identity into a full one. Matched through wildcards (`iam:Put*Policy`, `iam:Attach*`);
#   `iam:*` and `*` are reported by AWS-IAM-003 and AWS-IAM-001 instead, `iam:PassRole` by AWS-IAM-006.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
# custom:
#   id: AWS-IAM-012
#   name: iam-privilege-escalation
#   severity: high
#   category: sharing
#   recommended_action: |
#     In the `policy` document, give these actions the ARNs of the users, groups, roles, policies or
#     functions the identity is meant to manage in `Resource` (never "*"), or move the administration
#     to a separate role behind MFA.
#   recommended_action_cloudformation: |
#     In the `PolicyDocument`, give these actions the ARNs they manage in `Resource` (`!GetAtt`,
#     `!Sub`), never "*".
package preflight.aws.iam.privilege_escalation

import data.preflight.lib
import data.preflight.lib.aws.iam

# Actions that, on every resource, let an identity raise its own permissions.
escalation_actions := [
	"iam:AddUserToGroup",
	"iam:AttachGroupPolicy",
	"iam:AttachRolePolicy",
	"iam:AttachUserPolicy",
	"iam:CreateAccessKey",
	"iam:CreateLoginProfile",
	"iam:CreatePolicyVersion",
	"iam:PutGroupPolicy",
	"iam:PutRolePolicy",
	"iam:PutUserPolicy",
	"iam:SetDefaultPolicyVersion",
	"iam:UpdateAssumeRolePolicy",
	"iam:UpdateLoginProfile",
	"glue:UpdateDevEndpoint",
	"lambda:UpdateFunctionCode",
]

deny contains lib.result(p, sprintf("document.statements[%d]", [i]), msg) if {
	some p in input.aws.iam.policies
	some i, stmt in p.document.statements
	iam.allows_all_resources(stmt)
	not iam.full_admin(p.document, stmt)
	granted := [a |
		some a in escalation_actions
		iam.grants(p.document, stmt, a)
		not whole_service_reported(p.document, stmt, a)
	]
	count(granted) > 0
	msg := sprintf(
		"%s allows %s on every resource, which lets its holder raise its own permissions",
		[iam.identity_policy_name(p), lib.code_list(granted)],
	)
}

# `iam:*` on every resource is AWS-IAM-003's finding.
whole_service_reported(doc, stmt, action) if {
	svc := split(action, ":")[0]
	svc in iam.sensitive_services
	iam.grants_whole_service(doc, stmt, svc)
}
