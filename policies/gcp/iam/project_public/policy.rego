# METADATA
# title: Project, folder or organization role granted to everyone
# description: |
#   A project, folder or organization IAM member, binding or policy that names `allUsers` or
#   `allAuthenticatedUsers` grants the role on every resource underneath: every bucket, dataset, secret
#   and virtual machine the role reaches, now and in future. There is no legitimate reason to do this;
#   even a viewer role exposes the whole inventory and configuration. Severity is critical.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/overview
# custom:
#   id: GCP-IAM-001
#   name: project-role-public
#   severity: critical
#   category: public-access
#   recommended_action: |
#     Remove `allUsers` / `allAuthenticatedUsers` from the `member` / `members` (or `policy_data`) of
#     google_project_iam_*, google_folder_iam_* and google_organization_iam_*; grant roles on the
#     individual resources that must be public instead.
package preflight.gcp.iam.project_public

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), gcp.public_message(g, b.role, who)) if {
	some g in input.gcp.iam.grants
	g.kind in {"project", "folder", "organization"}
	some i, b in g.bindings
	who := gcp.public_principals(b)
}
