# Helpers for policy documents (IAM, S3 bucket, SNS topic): the Statement shape of docs/model.md.
package preflight.lib.aws.iam

import data.preflight.lib

# Principals that stand for anyone: `*`, or an AWS principal `*` (any account, including anonymous).
public_principal(p) if p.type == "*"

public_principal(p) if {
	p.type == "AWS"
	p.value == "*"
}

# The statement grants to everyone (Principal "*" or {"AWS": "*"}).
allows_anyone(stmt) if {
	stmt.effect == "Allow"
	some p in stmt.principals
	public_principal(p)
}

# Condition keys that pin a statement to known callers, networks or accounts; a statement with one of them
# on a positive operator is not open to the whole internet.
narrowing_keys := {
	"aws:sourcearn",
	"aws:sourceaccount",
	"aws:sourceowner",
	"aws:sourcevpc",
	"aws:sourcevpce",
	"aws:sourceip",
	"aws:principalorgid",
	"aws:principalorgpaths",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:userid",
	"aws:username",
	"aws:resourceorgid",
	"aws:sourceorgid",
	"aws:sourceorgpaths",
	"aws:calledvia",
	"aws:viaawsservice",
	"s3:dataaccesspointaccount",
	"s3:dataaccesspointarn",
	"sns:endpoint",
}

# Operators whose match narrows the callers. Negated operators (StringNotEquals, NotIpAddress…) and
# IfExists variants let requests without the key through, so they do not narrow.
narrowing_operator(op) if {
	not contains(op, "Not")
	not endswith(op, "IfExists")
	not startswith(op, "Null")
}

narrowing_condition(c) if {
	narrowing_keys[c.key]
	narrowing_operator(c.operator)
	count(c.values) > 0
	not wildcard_only(c.values)
	not any_address(c)
}

# A source IP condition that admits every address (`0.0.0.0/0`, `::/0`) narrows nothing.
any_address(c) if {
	c.key == "aws:sourceip"
	some v in c.values
	v in {"0.0.0.0/0", "::/0"}
}

wildcard_only(values) if {
	every v in values {
		v == "*"
	}
}

has_narrowing_condition(stmt) if {
	some c in stmt.conditions
	narrowing_condition(c)
}

# Every action of this service, or every action at all.
wildcard_action(a) if a == "*"

wildcard_action(a) if a == "*:*"

allows_all_actions(stmt) if {
	stmt.effect == "Allow"
	some a in stmt.actions
	wildcard_action(a)
}

allows_all_resources(stmt) if {
	some r in stmt.resources
	r == "*"
}

# Statement `stmt`, found at `path` inside `entity` (e.g. `policy.statements[2]`), is open to anyone: it
# allows a public principal, no condition narrows it, and none of its conditions is unresolved (an unknown
# condition value might be the one that narrows it, so the statement stays silent).
open_to_anyone(entity, path, stmt) if {
	allows_anyone(stmt)
	not has_narrowing_condition(stmt)
	not may_be_narrowed(entity, path, stmt)
}

# A condition that could narrow the statement has a value that is unknown (or the conditions themselves
# are): whether the statement is open cannot be decided. An unknown value under a key that narrows
# nothing (`sts:ExternalId`, `aws:SecureTransport`) does not count.
may_be_narrowed(entity, path, stmt) if {
	some j, c in stmt.conditions
	narrowing_keys[c.key]
	lib.unknown_under(entity, sprintf("%s.conditions[%d]", [path, j]))
}

may_be_narrowed(entity, path, _) if lib.is_unknown(entity, concat("", [path, ".conditions"]))

# What the statement's actions cover, for messages: "every action", "`s3:GetObject`, `s3:PutObject`",
# "every action except `iam:*`", or a fallback when the actions could not be resolved.
describe_actions(stmt) := "every action" if {
	some a in stmt.actions
	wildcard_action(a)
} else := lib.code_list(stmt.actions) if {
	count(stmt.actions) > 0
} else := sprintf("every action except %s", [lib.code_list(stmt.not_actions)]) if {
	count(stmt.not_actions) > 0
} else := "actions that could not be resolved"
