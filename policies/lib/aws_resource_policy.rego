# Helpers for resource policies (queue, key, secret, vault… policies): which statements open the resource
# to anyone, and what those statements let anyone do, in words, for messages.
package preflight.lib.aws.resource_policy

import data.preflight.lib
import data.preflight.lib.aws.iam

# The path of statement `i` of `entity.policy` when it lets anyone in: a public principal, no condition
# that narrows it (the shared IAM keys, or one of the service's own `keys`, e.g. `kms:calleraccount`), and
# no narrowing condition left unresolved. Policies iterate `entity.policy.statements` themselves, so that
# `--show-unknown` sees which fields they read.
open_statement(entity, i, stmt, keys) := path if {
	path := sprintf("policy.statements[%d]", [i])
	iam.open_to_anyone(entity, path, stmt)
	not narrowed_by(entity, path, stmt, keys)
}

# A condition on one of the service's own narrowing keys, with a positive operator and a concrete value,
# or an unresolved condition under one of those keys (which might narrow).
narrowed_by(_, _, stmt, keys) if {
	some c in stmt.conditions
	keys[c.key]
	iam.narrowing_operator(c.operator)
	count(c.values) > 0
	not iam.wildcard_only(c.values)
}

narrowed_by(entity, path, stmt, keys) if {
	some j, c in stmt.conditions
	keys[c.key]
	lib.unknown_under(entity, sprintf("%s.conditions[%d]", [path, j]))
}

# `pattern` (an action as written in a policy: `sqs:*`, `SQS:Receive*`, `*`) matches `action`
# (`sqs:ReceiveMessage`); IAM compares actions without regard to case.
action_matches(pattern, action) if {
	not contains(pattern, "*")
	lower(pattern) == lower(action)
}

action_matches(pattern, action) if {
	contains(pattern, "*")
	parts := split(lower(pattern), "*")
	a := lower(action)
	startswith(a, parts[0])
	endswith(a, parts[count(parts) - 1])
	every part in array.slice(parts, 1, count(parts) - 1) {
		contains(a, part)
	}
}

# The statement allows `action`: one of its actions matches it, or it lists `NotAction` and none of them
# does.
grants(stmt, action) if {
	some pattern in stmt.actions
	action_matches(pattern, action)
}

grants(stmt, action) if {
	count(stmt.actions) == 0
	count(stmt.not_actions) > 0
	not excluded(stmt, action)
}

excluded(stmt, action) if {
	some pattern in stmt.not_actions
	action_matches(pattern, action)
}

# The abilities of `table` ([[phrase, [actions]], …], in order) the statement grants: the phrases whose
# actions it allows.
abilities(stmt, table) := [entry[0] |
	some entry in table
	some action in entry[1]
	grants(stmt, action)
	not earlier(stmt, table, entry, action)
]

# Each phrase once: `action` is the first action of `entry` the statement grants.
earlier(stmt, _, entry, action) if {
	some i, a in entry[1]
	a == action
	some j, b in entry[1]
	j < i
	grants(stmt, b)
}

# "read messages", "read and delete messages" style lists: ["a"] → "a", ["a", "b"] → "a and b",
# ["a", "b", "c"] → "a, b and c".
phrase_list(items) := items[0] if count(items) == 1

phrase_list(items) := concat(" and ", [concat(", ", array.slice(items, 0, count(items) - 1)), items[count(items) - 1]]) if {
	count(items) > 1
}

# What the statement lets anyone do, in the words of `table`; the actions themselves when none of the
# table's abilities is granted (`perform `x:Y``).
describe(stmt, table) := phrase_list(abilities(stmt, table)) if {
	count(abilities(stmt, table)) > 0
} else := sprintf("perform %s", [iam.describe_actions(stmt)])
