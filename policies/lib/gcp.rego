# Helpers for Google Cloud policies (the `gcp` shapes of docs/model.md).
package preflight.lib.gcp

# The principals that stand for everyone: `allUsers` is anyone on the internet without signing in;
# `allAuthenticatedUsers` is anyone signed in to any Google account, which anyone can create.
public_members := {
	"allUsers": "anyone on the internet",
	"allAuthenticatedUsers": "anyone with a Google account",
}

# Cloud Storage legacy ACL entities spell them the same way; BigQuery access entries too.
is_public(member) if public_members[member]

# How messages name what a grant is on.
kind_names := {
	"storage_bucket": "Cloud Storage bucket",
	"container_registry": "Container Registry storage bucket",
	"bigquery_dataset": "BigQuery dataset",
	"bigquery_table": "BigQuery table",
	"kms_crypto_key": "Cloud KMS key",
	"kms_key_ring": "Cloud KMS key ring",
	"pubsub_topic": "Pub/Sub topic",
	"pubsub_subscription": "Pub/Sub subscription",
	"cloud_run_service": "Cloud Run service",
	"cloudfunctions_function": "Cloud Function",
	"artifact_registry_repository": "Artifact Registry repository",
	"project": "Project",
	"folder": "Folder",
	"organization": "Organization",
}

# The public principals a binding with a known role names, with who they are, as message text:
# "`allUsers` (anyone on the internet)". Undefined when it names none.
public_principals(binding) := who if {
	is_string(binding.role)
	publics := sort([m | some m in binding.members; is_public(m)])
	count(publics) > 0
	who := concat(" and ", [sprintf("`%s` (%s)", [m, public_members[m]]) | some m in publics])
}

# The standard message: "Cloud Storage bucket `site` grants `roles/storage.objectViewer` to
# `allUsers` (anyone on the internet)".
public_message(g, role, who) := sprintf("%s grants `%s` to %s%s", [subject(g), role, who, via_text[g.via]])

# "Cloud Storage bucket `site`"; a project-level grant that names no project is on the provider's
# default project.
subject(g) := sprintf("%s `%s`", [kind_names[g.kind], g.resource]) if is_string(g.resource)

subject(g) := "The provider's default project" if {
	not g.resource
	g.kind == "project"
	not "resource" in g.unknown
}

subject(g) := sprintf("%s of `%s`", [kind_names[g.kind], g.label]) if {
	not g.resource
	g.kind != "project"
}

via_text := {
	"member": "",
	"binding": "",
	"policy": " in its IAM policy",
	"access": " through a dataset access entry",
	"acl": " through a legacy ACL",
}

# --- Firewall rules ---

# Every spelling of the whole IPv4 and IPv6 internet.
world(c) if c in {"0.0.0.0/0", "::/0", "::0/0", "0::/0", "0:0:0:0:0:0:0:0/0"}

# "the whole internet (0.0.0.0/0, ::/0)"; the default range when no source was written is 0.0.0.0/0.
firewall_sources(f) := sprintf("the whole internet (%s)", [concat(", ", sort([c | some c in f.source_ranges; world(c)]))])

# The allow entry admits every port: every protocol, or TCP/UDP over the whole port range.
all_ports(rule) if rule.protocol == "-1"

all_ports(rule) if {
	rule.protocol in {"tcp", "udp", "sctp"}
	rule.from_port <= 1
	rule.to_port >= 65535
}

all_ports_text(rule) := "all traffic" if rule.protocol == "-1"

all_ports_text(rule) := sprintf("every %s port", [upper(rule.protocol)]) if rule.protocol != "-1"
