# METADATA
# title: Cloud Storage bucket does not enforce public access prevention
# description: |
#   Public access prevention set to `enforced` makes Cloud Storage refuse any IAM binding or ACL that
#   would grant `allUsers` or `allAuthenticatedUsers`, and stops serving existing public grants: it is
#   the bucket-level guard against a mistaken grant, like S3's block public access. Left out, it is
#   `inherited`: the bucket is protected only if an organization policy
#   (`storage.publicAccessPrevention`) enforces it, which the code does not show. Severity is low: this
#   is a missing safety net, not an exposure; buckets that must be public (a website) legitimately leave
#   it off and already get GCP-STORAGE-001.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/public-access-prevention
# custom:
#   id: GCP-STORAGE-003
#   name: storage-bucket-public-access-prevention-not-enforced
#   severity: low
#   category: public-access
#   recommended_action: |
#     Set `public_access_prevention = "enforced"` on the google_storage_bucket (or enforce the
#     `storage.publicAccessPrevention` organization policy and suppress this finding with that reason).
package preflight.gcp.storage.bucket_public_access_prevention

import data.preflight.lib

deny contains lib.result(b, "public_access_prevention", msg) if {
	some b in input.gcp.storage.buckets
	is_string(b.public_access_prevention)
	b.public_access_prevention != "enforced"
	msg := sprintf("Cloud Storage bucket `%s` does not enforce public access prevention (`%s`): a public IAM grant or ACL on it would take effect", [b.label, b.public_access_prevention])
}
