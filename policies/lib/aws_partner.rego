# Partner isolation (AWS-IAM-010 and AWS-IAM-011): read grants to the same resource given to two or more
# external principals, across resource policies of every service and the identity policies of partner
# roles (roles trusted by another account); and whether the store they read is also public or
# unencrypted, which makes the leak worse. Reads the whole of `input.aws`.
package preflight.lib.aws.partner

import data.preflight.lib
import data.preflight.lib.aws.iam
import data.preflight.lib.aws.s3

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

# Read grants written in resource policies: any entity of any service with a `policy` document; `store`
# names the entity that holds the data.
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
	g := {"id": e.id, "path": sprintf("policy.statements[%d]", [i]), "who": who, "resource": r, "where": sprintf("%s `%s`", [iam.resource_noun(svc, coll), e.label]), "store": [svc, coll, e.id]}
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
	g := {"id": p.id, "path": sprintf("document.statements[%d]", [i]), "who": who, "resource": r, "where": iam.identity_policy_name(p), "store": []}
}

# Who each statement lets read each resource, and who anything lets read each resource: indexes built
# once, so that judging a grant looks its peers up instead of comparing every pair of grants. (Written
# as comprehensions: the compiled form of the built-in policies does not support `x[k] contains v`.)
statement_readers := {key: ws |
	some g in grants
	key := [g.id, g.path, g.resource]
	ws := {h.who | some h in grants; [h.id, h.path, h.resource] == key}
}

readers := {r: ws |
	some g in grants
	r := g.resource
	ws := {h.who | some h in grants; h.resource == r}
}

# One leak per statement and resource: the principals it lets read, and the other principals whose
# grants it covers (the same ARN, or a prefix inside it). `exposed` says why the data is also public or
# unencrypted, when it is.
leaks contains {"id": g.id, "path": g.path, "message": msg, "exposed": exposure(g.store, [g.resource])} if {
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

leaks contains {"id": role.id, "path": "trust_policy", "message": msg, "exposed": exposure([], resources)} if {
	some role in identities.roles
	accounts := trusted_accounts(role)
	count(accounts) >= 2
	resources := role_reads(role)
	count(resources) > 0
	msg := sprintf(
		"IAM role `%s` that reads data is trusted by accounts %s at once: each partner reads what the others can",
		[role.label, lib.code_list(sort(accounts))],
	)
}

# The resources a role's policies let it read.
role_reads(role) := [r |
	some p in identities.policies
	role.id in p.roles
	some stmt in p.document.statements
	reads(p.document, stmt)
	some r in stmt.resources
]


# Resources are ARNs (or `*`); anything else is not a resource this rule can compare.
resource_arn(r) if startswith(r, "arn:")

resource_arn(r) if r == "*"

# ---------------------------------------------------------------------------------------------------
# Exposure: why the data behind a leak is also public or unencrypted ("" when it is neither, or when
# that cannot be told). `store` is [service, collection, id] of the entity whose policy holds the grant
# (empty for identity policies); `resources` are the ARNs read, matched to S3 buckets in the scan.
exposure(store, resources) := concat(" and ", sort(reasons(store, resources)))

reasons(store, resources) := {why |
	some e in stores(store, resources)
	some why in entity_exposure(e)
}

stores(store, resources) := {e |
	count(store) == 3
	some e in model[store[0]][store[1]]
	e.id == store[2]
} | {b |
	some r in resources
	name := s3_bucket_name(r)
	some b in object.get(object.get(model, "s3", {}), "buckets", [])
	b.name == name
}

# The bucket an S3 ARN names: `arn:aws:s3:::exchange/partner-a/*` → `exchange`.
s3_bucket_name(r) := split(trim_prefix(r, "arn:aws:s3:::"), "/")[0] if {
	startswith(r, "arn:aws:s3:::")
	not startswith(trim_prefix(r, "arn:aws:s3:::"), "*")
}

# A statement of the store's own policy lets anyone in (for a bucket: and no public access block stops
# it), or the store is known not to be encrypted.
entity_exposure(e) := {w |
	some i, stmt in e.policy.statements
	iam.open_to_anyone(e, sprintf("policy.statements[%d]", [i]), stmt)
	not blocked_bucket(e)
	w := sprintf("`%s` is also open to anyone through its policy", [e.label])
} | {w |
	e.encrypted == false
	w := sprintf("`%s` is not encrypted", [e.label])
}

s3_accounts := [a | some a in object.get(object.get(model, "s3", {}), "account_public_access_blocks", [])]

# A bucket whose public access blocks neutralize a public policy.
blocked_bucket(e) if {
	is_object(e.public_access_block)
	not s3.public_policy_in_force(e, s3_accounts)
}
