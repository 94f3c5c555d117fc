# METADATA
# title: AWS managed administrator policy attached to a user, group or role
# description: |
#   `AdministratorAccess` grants every action on every resource, `IAMFullAccess` lets the holder grant
#   itself anything, and `PowerUserAccess` grants everything but IAM, which still includes reading and
#   deleting every data store. Attached to a user, group or role in code, it turns that identity (its
#   long-lived keys, or whatever workload assumes the role) into an account takeover when compromised.
#   High: the blast radius is the whole account. Break-glass roles that need it should be few, guarded
#   by MFA, and kept out of routine infrastructure code.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html
# custom:
#   id: AWS-IAM-005
#   name: iam-admin-policy-attached
#   severity: high
#   category: sharing
#   recommended_action: |
#     Replace the `policy_arn` (or the entry of `managed_policy_arns`) with a policy that grants only
#     the actions and resources the identity uses; keep administrator access on a separate break-glass
#     role that requires MFA.
#   recommended_action_cloudformation: |
#     Replace the entry of `ManagedPolicyArns` with a policy that grants only the actions and resources
#     the identity uses; keep administrator access on a separate break-glass role that requires MFA.
#   frameworks:
#     - CIS AWS Foundations 1.16
package preflight.aws.iam.admin_policy_attached

import data.preflight.lib

# Read as a whole: the collections are chosen by name below, so the policy runs whatever IAM entity the
# model holds.
identities := input.aws.iam

admin_policies := {"AdministratorAccess", "IAMFullAccess", "PowerUserAccess"}

# The AWS managed policy an ARN names, when it is one of the administrator ones.
admin_arns := {
	"arn:aws:iam::aws:policy/AdministratorAccess",
	"arn:aws:iam::aws:policy/IAMFullAccess",
	"arn:aws:iam::aws:policy/PowerUserAccess",
}

admin_policy(arn) := trim_prefix(arn, "arn:aws:iam::aws:policy/") if {
	arn in admin_arns
} else := name if {
	parts := split(arn, ":")
	count(parts) == 6
	parts[0] == "arn"
	parts[2] == "iam"
	parts[4] == "aws"
	name := trim_prefix(parts[5], "policy/")
	name in admin_policies
}

identity_kinds := {"roles": "role", "users": "user", "groups": "group"}

deny contains lib.result(a, "policy_arn", msg) if {
	some a in identities.policy_attachments
	name := admin_policy(a.policy_arn)
	targets := [sprintf("%s `%s`", [kind, display(field, t)]) |
		some field, kind in identity_kinds
		some t in a[field]
	]
	count(targets) > 0
	msg := sprintf("`%s` attaches `%s` to %s", [a.label, name, concat(", ", targets)])
}

deny contains lib.result(e, "managed_policy_arns", msg) if {
	some field, kind in identity_kinds
	some e in identities[field]
	some arn in e.managed_policy_arns
	name := admin_policy(arn)
	msg := sprintf("IAM %s `%s` has `%s` attached", [kind, e.label, name])
}

# An identity in the scanned code by its label, any other by its name as written.
display(field, t) := e.label if {
	some e in identities[field]
	e.id == t
} else := t
