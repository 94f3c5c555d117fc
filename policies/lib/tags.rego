# Tags of a resource of the raw input (`custom.input: raw`), in either format, read so that an
# unresolved value never decides: for policies that require, forbid or check tags. Import it as
# `import data.preflight.lib.tags`.
package preflight.lib.tags

import data.preflight.lib

# Where a resource keeps its tags: `tags_all` on Terraform's AWS resources (the provider's
# `default_tags` with the resource's own over them), `tags` on other Terraform resources, and the
# `Tags` list of {Key, Value} in CloudFormation.
path(r) := "tags_all" if {
	r.format == "terraform"
	startswith(r.type, "aws_")
}

path(r) := "tags" if {
	r.format == "terraform"
	not startswith(r.type, "aws_")
}

path(r) := "Tags" if r.format == "cloudformation"

# The path of tag `key` in a Terraform map: `tags.owner`, or `tags["kubernetes.io/role"]` for a key
# that a plain path would split (as the input's `unknown` writes it).
member(p, key) := concat(".", [p, key]) if regex.match(`^[^.\[\]"\\\s]+$`, key)

member(p, key) := sprintf("%s[%s]", [p, json.marshal(key)]) if not regex.match(`^[^.\[\]"\\\s]+$`, key)

# The value of tag `key`, when it is known.
value(r, key) := v if {
	r.format == "terraform"
	v := r.attributes[path(r)][key]
}

value(r, key) := v if {
	r.format == "cloudformation"
	is_array(r.attributes.Tags)
	some t in r.attributes.Tags
	t.Key == key
	v := t.Value
}

# Whether tag `key` may exist, or have a value, that the input does not show: the tags unknown as a
# whole or written in a shape that is neither a map nor a list, the tag's own value unknown, or a
# CloudFormation entry whose key is unknown (it may be `key`).
unknown(r, key) if lib.is_unknown(r, path(r))

unknown(r, key) if {
	tags := r.attributes[path(r)]
	not is_object(tags)
	not is_array(tags)
}

unknown(r, key) if {
	r.format == "terraform"
	lib.unknown_under(r, member(path(r), key))
}

unknown(r, key) if {
	r.format == "cloudformation"
	is_array(r.attributes.Tags)
	some i, t in r.attributes.Tags
	not is_string(t.Key)
	lib.unknown_under(r, sprintf("Tags[%d]", [i]))
}

unknown(r, key) if {
	r.format == "cloudformation"
	is_array(r.attributes.Tags)
	some i, t in r.attributes.Tags
	t.Key == key
	lib.unknown_under(r, sprintf("Tags[%d].Value", [i]))
}

# The resource surely has no tag `key` with a non-empty value: it is absent or empty, and nothing
# unknown could supply it.
missing(r, key) if {
	not unknown(r, key)
	not present(r, key)
}

present(r, key) if {
	v := value(r, key)
	v != ""
}

# Where a finding about tag `key` points: the tag where it is written, else the tags (a located
# result falls back to the longest written part of the path, then to the resource's header).
where(r, key) := member(path(r), key) if r.format == "terraform"

where(r, key) := sprintf("Tags[%d]", [i]) if {
	r.format == "cloudformation"
	is_array(r.attributes.Tags)
	some i, t in r.attributes.Tags
	t.Key == key
}

where(r, key) := "Tags" if {
	r.format == "cloudformation"
	not value(r, key)
}
