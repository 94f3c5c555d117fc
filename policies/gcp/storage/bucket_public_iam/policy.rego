# METADATA
# title: Cloud Storage bucket readable or writable by everyone
# description: |
#   A bucket IAM member, binding or policy, or a legacy bucket or object ACL, that names `allUsers` lets
#   anyone on the internet use the role without signing in: objects can be listed and downloaded (or,
#   with a writer role, uploaded, overwritten and deleted) by anyone who guesses the bucket name, which
#   scanners do at scale. `allAuthenticatedUsers` is no narrower: it means any Google account, which
#   anyone can create in a minute. Backups, exports and logs in public buckets are among the most common
#   cloud data leaks. Severity is high; a bucket that serves a public website on purpose should say so
#   in a suppression with its reason.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/access-control/making-data-public
# custom:
#   id: GCP-STORAGE-001
#   name: storage-bucket-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove `allUsers` and `allAuthenticatedUsers` from the `member` / `members` of
#     google_storage_bucket_iam_* (and from `policy_data`, `role_entity`, `entity` or `predefined_acl`
#     of the ACL resources); grant the principals that need the data, serve public content through Cloud
#     CDN or signed URLs, and set `public_access_prevention = "enforced"` on the google_storage_bucket.
package preflight.gcp.storage.bucket_public_iam

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), gcp.public_message(g, b.role, who)) if {
	some g in input.gcp.iam.grants
	g.kind in {"storage_bucket"}
	some i, b in g.bindings
	who := gcp.public_principals(b)
}
