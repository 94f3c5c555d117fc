# METADATA
# title: Google Cloud resource grants a role to everyone
# description: |
#   An IAM member, binding or policy of any other Google Cloud resource type (`google_<kind>_iam_member`,
#   `_iam_binding` or `_iam_policy`: Secret Manager secrets, service accounts, GKE Hub memberships and
#   features, GKE backup plans, Compute Engine instances and images, Spanner, Bigtable, Dataproc, IAP,
#   billing accounts and the rest) that names `allUsers` or `allAuthenticatedUsers` gives that role to
#   anyone on the internet, or to anyone with a Google account, which anyone can create. On a secret it
#   hands out the secret's value; on a service account, the power to act as it; on a cluster membership
#   or an instance, control of the workload. No resource of these kinds is meant to be public, so the
#   grant is a mistake or a shortcut. The kinds with rules of their own (buckets, datasets, keys,
#   topics, Cloud Run, functions, registries, projects) are left to those rules. Severity is high.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/principals-overview
#   - ref: https://cloud.google.com/secret-manager/docs/access-control
# custom:
#   id: GCP-IAM-003
#   name: resource-public-iam
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove `allUsers` and `allAuthenticatedUsers` from the `member` / `members` (or `policy_data`) of
#     the google_*_iam_* resource, and grant the role to the service accounts or groups that need it.
package preflight.gcp.iam.resource_public

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), gcp.public_message(g, b.role, who)) if {
	some g in input.gcp.iam.grants
	not g.kind in gcp.covered_kinds
	some i, b in g.bindings
	who := gcp.public_principals(b)
}
