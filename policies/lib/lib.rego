# Helpers shared by every built-in policy. Policies import it as `import data.preflight.lib`.
package preflight.lib

# The result every `deny` rule returns: the entity, the attribute path inside it, and the message.
# Rust turns (id, path) into a source location.
result(entity, path, message) := {"id": entity.id, "path": path, "message": message}

# Shorter name for messages: "S3 bucket `roster` ...".
label(entity) := entity.label

# A value that is known and explicitly false (an absent, unknown value is neither false nor true).
is_false(value) if value == false

is_true(value) if value == true

# The attribute was not written at all: absent and not listed as unknown. Use this, never `not entity.x`,
# when "left out" matters; an unresolved value is in `entity.unknown` and must stay silent.
not_written(entity, key) if {
	not has_key(entity, key)
	not is_unknown(entity, key)
}

has_key(obj, key) if _ = obj[key]

is_unknown(entity, path) if {
	some u in entity.unknown
	u == path
}

# Some value at or below `path` could not be resolved: `path` itself, or a path under it (`path.x`,
# `path[i]`), is listed in `entity.unknown`. Use it when a policy draws a conclusion from a part of the
# entity being empty or missing (no conditions, no flags) and an unresolved part could change it.
unknown_under(entity, path) if {
	some u in entity.unknown
	u == path
}

unknown_under(entity, path) if {
	some u in entity.unknown
	startswith(u, concat("", [path, "."]))
}

unknown_under(entity, path) if {
	some u in entity.unknown
	startswith(u, concat("", [path, "["]))
}

# Backticked, comma-separated list of strings for messages: ["a", "b"] gives "`a`, `b`".
code_list(items) := concat(", ", [sprintf("`%s`", [x]) | some x in items])
