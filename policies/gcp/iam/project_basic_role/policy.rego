# METADATA
# title: Owner or Editor granted to users or groups on a project, folder or organization
# description: |
#   The basic roles `roles/owner` and `roles/editor` reach nearly every service: an editor can read and
#   change the data of every bucket, database and secret in the project, and an owner can also grant any
#   of it to anyone. Given to people (`user:`, `group:` or a whole `domain:`) they make each account's
#   compromise a compromise of the whole project, and hide what the person really needs. Service
#   accounts are not reported here (they are another problem: default service accounts get Editor).
#   Severity is low: the principals are known parties; the grant is broader than needed.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/roles-overview#basic
# custom:
#   id: GCP-IAM-002
#   name: basic-role-granted-to-people
#   severity: low
#   category: sharing
#   recommended_action: |
#     Replace `roles/owner` / `roles/editor` in the `role` of google_project_iam_member / _binding (or
#     the binding of `policy_data`) with predefined roles for the services the principals work with (for
#     example `roles/storage.objectAdmin`, `roles/cloudsql.client`).
package preflight.gcp.iam.project_basic_role

import data.preflight.lib

basic_roles := {"roles/owner", "roles/editor"}

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), msg) if {
	some g in input.gcp.iam.grants
	g.kind in {"project", "folder", "organization"}
	some i, b in g.bindings
	b.role in basic_roles
	people := sort([m | some m in b.members; person(m)])
	count(people) > 0
	msg := sprintf("%s grants the basic role `%s` to %s", [subject(g), b.role, lib.code_list(people)])
}

person(m) if startswith(m, "user:")

person(m) if startswith(m, "group:")

person(m) if startswith(m, "domain:")

kinds := {"project": "Project", "folder": "Folder", "organization": "Organization"}

subject(g) := sprintf("%s `%s`", [kinds[g.kind], g.resource]) if is_string(g.resource)

subject(g) := "The provider's default project" if not g.resource
