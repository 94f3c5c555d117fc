# Helpers for Google Cloud policies (the `gcp` shapes of docs/model.md).
package preflight.lib.gcp

import data.preflight.lib
import data.preflight.lib.aws.ec2

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

# Kinds of `google_<kind>_iam_*` resources without a rule of their own (GCP-IAM-003 judges them):
# message names for the common ones; others are named after the kind (`spanner_database` → "Spanner
# database").
other_kind_names := {
	"secret_manager_secret": "Secret Manager secret",
	"secret_manager_regional_secret": "Secret Manager secret",
	"service_account": "Service account",
	"compute_instance": "Compute Engine instance",
	"compute_image": "Compute Engine image",
	"compute_disk": "Compute Engine disk",
	"compute_snapshot": "Compute Engine snapshot",
	"compute_subnetwork": "VPC subnetwork",
	"compute_machine_image": "Compute Engine machine image",
	"gke_hub_membership": "GKE Hub membership",
	"gke_hub_feature": "GKE Hub feature",
	"gke_hub_scope": "GKE Hub scope",
	"gke_backup_backup_plan": "GKE backup plan",
	"gke_backup_restore_plan": "GKE restore plan",
	"container_analysis_note": "Container Analysis note",
	"spanner_database": "Spanner database",
	"spanner_instance": "Spanner instance",
	"bigtable_instance": "Bigtable instance",
	"bigtable_table": "Bigtable table",
	"dataproc_cluster": "Dataproc cluster",
	"healthcare_dataset": "Healthcare dataset",
	"sourcerepo_repository": "Source repository",
	"billing_account": "Billing account",
	"cloud_tasks_queue": "Cloud Tasks queue",
	"notebooks_instance": "Notebooks instance",
	"iap_web": "IAP-protected web resources",
	"endpoints_service": "Endpoints service",
	"data_catalog_entry_group": "Data Catalog entry group",
	"dataplex_lake": "Dataplex lake",
	"api_gateway_api": "API Gateway API",
	"api_gateway_gateway": "API Gateway gateway",
	"workbench_instance": "Workbench instance",
	"storage_managed_folder": "Cloud Storage managed folder",
}

# The kinds that a rule of their own judges (the others are GCP-IAM-003's).
covered_kinds := {k | some k, _ in kind_names}

kind_name(kind) := kind_names[kind]

kind_name(kind) := other_kind_names[kind] if not kind_names[kind]

kind_name(kind) := concat("", [upper(substring(kind, 0, 1)), replace(substring(kind, 1, -1), "_", " ")]) if {
	not kind_names[kind]
	not other_kind_names[kind]
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
subject(g) := sprintf("%s `%s`", [kind_name(g.kind), g.resource]) if is_string(g.resource)

subject(g) := "The provider's default project" if {
	not g.resource
	g.kind == "project"
	not "resource" in g.unknown
}

subject(g) := sprintf("%s of `%s`", [kind_name(g.kind), g.label]) if {
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

# --- Rule order: deny rules evaluated first ---

# A deny rule of `firewalls` is evaluated before allow rule `f` (a lower or equal priority number: at
# equal priority a deny wins), on the same network, for the same instances, and refuses `protocol` on
# `port` from every whole-internet range `f` admits. A part of a deny rule that is unknown counts as
# covering: the allow might then be shadowed, and policies do not fire on what might not be so.
denied_first(firewalls, f, protocol, port) if {
	some d in shadowing_denies(firewalls, f)
	some e in deny_entries(d)
	protocol_covers(e, protocol)
	port_covers(e, port)
}

# The same, for every port of allow entry `rule` (an all-ports entry).
all_denied_first(firewalls, f, rule) if {
	some d in shadowing_denies(firewalls, f)
	some e in deny_entries(d)
	protocol_covers(e, rule.protocol)
	port_covers(e, rule.from_port)
	port_covers(e, rule.to_port)
}

shadowing_denies(firewalls, f) := [d |
	some d in firewalls
	d.id != f.id
	maybe_deny(d)
	not d.direction == "EGRESS"
	not d.disabled == true
	same_network(d, f)
	evaluated_first(d, f)
	every c in [c | some c in f.source_ranges; world(c)] {
		source_covers(d, c)
	}
	targets_cover(d, f)
]

maybe_deny(d) if count(d.deny) > 0

maybe_deny(d) if lib.is_unknown(d, "deny")

# An unknown `deny` block list may refuse anything.
deny_entries(d) := d.deny if not lib.is_unknown(d, "deny")

deny_entries(d) := [{}] if lib.is_unknown(d, "deny")

same_network(d, f) if d.network == f.network

same_network(d, f) if lib.is_unknown(d, "network")

same_network(d, f) if lib.is_unknown(f, "network")

evaluated_first(d, f) if d.priority <= f.priority

evaluated_first(d, f) if lib.is_unknown(d, "priority")

evaluated_first(d, f) if lib.is_unknown(f, "priority")

# The deny rule's sources include the whole internet of the same address family as `c`.
source_covers(d, c) if {
	some dc in d.source_ranges
	world(dc)
	contains(dc, ":") == contains(c, ":")
}

source_covers(d, _) if lib.is_unknown(d, "source_ranges")

# A deny rule without targets applies to every instance of the network; one with target tags (or
# service accounts) covers an allow rule whose targets are among them.
targets_cover(d, _) if {
	count(d.target_tags) == 0
	count(d.target_service_accounts) == 0
	not lib.is_unknown(d, "target_tags")
	not lib.is_unknown(d, "target_service_accounts")
}

targets_cover(d, _) if lib.is_unknown(d, "target_tags")

targets_cover(d, _) if lib.is_unknown(d, "target_service_accounts")

targets_cover(d, f) if {
	count(f.target_tags) > 0
	every t in f.target_tags {
		t in d.target_tags
	}
}

targets_cover(d, f) if {
	count(f.target_service_accounts) > 0
	every a in f.target_service_accounts {
		a in d.target_service_accounts
	}
}

# `all` refuses every protocol; an unknown protocol may be the one.
protocol_covers(e, _) if e.protocol == "-1"

protocol_covers(e, protocol) if e.protocol == protocol

protocol_covers(e, _) if not e.protocol

port_covers(e, port) if {
	e.from_port <= port
	port <= e.to_port
}

port_covers(e, _) if not e.from_port

# "SSH (port 22)" for each port of `ports` (port → name) that allow entry `rule` of firewall `f` admits
# and no deny rule evaluated first refuses, in port order.
exposed(firewalls, f, rule, ports) := [sprintf("%s (port %d)", [name, port]) |
	some port, name in ports
	ec2.serves(rule, port)
	ec2.covers_port(rule, port)
	not denied_first(firewalls, f, rule.protocol, port)
]

# --- Cloud Run and Cloud Functions ingress ---

# The service or function granted on accepts requests only from inside its VPC networks (or its
# ingress cannot be told: policies stay silent on what might be so).
internal_only(g) if g.ingress == "internal"

internal_only(g) if lib.is_unknown(g, "ingress")

# What the message adds about ingress: nothing when it is `all` (or the service is not in the code).
ingress_note(g) := " behind ingress `internal-and-cloud-load-balancing` (reachable from the internet through an external Application Load Balancer)" if {
	g.ingress == "internal-and-cloud-load-balancing"
}

ingress_note(g) := "" if not g.ingress == "internal-and-cloud-load-balancing"
