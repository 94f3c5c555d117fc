# METADATA
# title: Several external partners can read the same data
# description: |
#   A store shared with several partners must give each one only its own part. When read or list
#   access to the same resource ARN (a whole bucket, a prefix, a queue, a table) is granted to two or
#   more distinct external principals (other accounts, roles of other accounts, an organization), or
#   one partner's grant covers the prefix another partner's grant names, every partner reads every other
#   partner's records. The grant is judged across the resource's own policy and the identity policies of
#   partner roles in the scanned code (roles whose trust names another account); a resource written with
#   a per-principal policy variable (`${aws:PrincipalTag/partner}`, `${aws:userid}`, `${aws:username}`,
#   `${saml:sub}`) or a distinct prefix per partner keeps them apart and is not reported. A role that
#   reads data and is trusted by several accounts at once is the same leak. Medium: the readers are
#   known partners, but each sees data it has no right to; treat it as high when the store is also public
#   or unencrypted (its other findings say so).
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
# custom:
#   id: AWS-IAM-010
#   name: partner-data-not-isolated
#   severity: medium
#   category: sharing
#   recommended_action: |
#     Give each partner its own prefix or resource in the `policy` (or the `resources` of each partner
#     role's policy), e.g. `arn:aws:s3:::exchange/partner-a/*`, or one statement using a policy variable
#     such as `arn:aws:s3:::exchange/$${aws:PrincipalTag/partner}/*`; use one role per partner account.
#   recommended_action_cloudformation: |
#     Give each partner its own prefix or resource in the policy document's `Resource` (or in each
#     partner role's `PolicyDocument`), or use a policy variable such as
#     `arn:aws:s3:::exchange/${aws:PrincipalTag/partner}/*`; use one role per partner account.
package preflight.aws.iam.partner_isolation

import data.preflight.lib
import data.preflight.lib.aws.iam

# The whole model is read: resource policies of every service, and IAM.
model := input.aws

identities := object.get(model, "iam", {})

reads(doc, stmt) if count(iam.granted(doc, stmt, "read")) > 0

# The external principals of a resource-policy statement, named for messages.
external(stmt) := {w |
	some p in stmt.principals
	iam.principal_account(p)
	w := principal_name(p)
} | {w |
	iam.allows_anyone(stmt)
	some c in stmt.conditions
	c.key in {"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount"}
	iam.narrowing_value(c)
	some v in c.values
	w := sprintf("%s `%s`", [condition_noun[c.key], v])
}

condition_noun := {
	"aws:principalorgid": "organization",
	"aws:principalorgpaths": "organization path",
	"aws:principalaccount": "account",
}

principal_name(p) := sprintf("account `%s`", [iam.principal_account(p)]) if iam.account_root(p)

else := sprintf("`%s`", [p.value])

# Read grants written in resource policies: any entity of any service with a `policy` document.
grants contains g if {
	some svc, collections in model
	is_object(collections)
	some coll, entities in collections
	is_array(entities)
	some e in entities
	is_object(e)
	some i, stmt in e.policy.statements
	# Who first: most statements name no external principal, and matching actions costs more.
	whom := external(stmt)
	count(whom) > 0
	reads(e.policy, stmt)
	some who in whom
	some r in stmt.resources
	resource_arn(r)
	not iam.per_principal(r)
	g := {"id": e.id, "path": sprintf("policy.statements[%d]", [i]), "who": who, "resource": r, "where": sprintf("%s `%s`", [iam.resource_noun(svc, coll), e.label])}
}

# The accounts a role's trust policy names.
trusted_accounts(role) := {a |
	some stmt in role.trust_policy.statements
	iam.is_allow(stmt)
	some p in stmt.principals
	a := iam.principal_account(p)
}

# Read grants in identity policies of partner roles.
grants contains g if {
	some role in identities.roles
	accounts := trusted_accounts(role)
	count(accounts) > 0
	some p in identities.policies
	role.id in p.roles
	some i, stmt in p.document.statements
	reads(p.document, stmt)
	some r in stmt.resources
	resource_arn(r)
	not iam.per_principal(r)
	who := sprintf("role `%s` (trusted by %s)", [role.label, lib.code_list(sort(accounts))])
	g := {"id": p.id, "path": sprintf("document.statements[%d]", [i]), "who": who, "resource": r, "where": iam.identity_policy_name(p)}
}

# Who each statement lets read each resource, and who anything lets read each resource: indexes built
# once, so that judging a grant looks its peers up instead of comparing every pair of grants.
statement_readers[key] contains g.who if {
	some g in grants
	key := [g.id, g.path, g.resource]
}

readers[r] contains g.who if {
	some g in grants
	r := g.resource
}

# One finding per statement and resource: the principals it lets read, and the other principals whose
# grants it covers (the same ARN, or a prefix inside it).
deny contains {"id": g.id, "path": g.path, "message": msg} if {
	some g in grants
	mine := statement_readers[[g.id, g.path, g.resource]]
	others := {w |
		some r, ws in readers
		covers(g.resource, r)
		some w in ws
		not w in mine
	}
	count(mine) + count(others) >= 2
	msg := message(g, sort(mine), sort(others))
}

# `pattern` covers `resource`: the same ARN, or a wildcard that matches it (a literal ARN covers only
# itself, which keeps the pairwise comparison cheap).
covers(pattern, resource) if pattern == resource

covers(pattern, resource) if {
	contains(pattern, "*")
	pattern != resource
	iam.glob_match(pattern, resource)
}

covers(pattern, resource) if {
	contains(pattern, "?")
	not contains(pattern, "*")
	iam.glob_match(pattern, resource)
}

message(g, mine, others) := sprintf(
	"%s lets %s read `%s`, which also holds what %s can read: partners can read each other's data",
	[g.where, concat(", ", mine), g.resource, concat(", ", others)],
) if {
	count(others) > 0
} else := sprintf(
	"%s lets %s read the same `%s`: partners can read each other's data",
	[g.where, concat(", ", mine), g.resource],
)

deny contains lib.result(role, "trust_policy", msg) if {
	some role in identities.roles
	accounts := trusted_accounts(role)
	count(accounts) >= 2
	some p in identities.policies
	role.id in p.roles
	some stmt in p.document.statements
	reads(p.document, stmt)
	msg := sprintf(
		"IAM role `%s` that reads data is trusted by accounts %s at once: each partner reads what the others can",
		[role.label, lib.code_list(sort(accounts))],
	)
}


# Resources are ARNs (or `*`); anything else is not a resource this rule can compare.
resource_arn(r) if startswith(r, "arn:")

resource_arn(r) if r == "*"
