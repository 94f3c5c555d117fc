# METADATA
# title: Cloud Storage bucket without uniform bucket-level access
# description: |
#   Without uniform bucket-level access a bucket keeps fine-grained access control: every object can
#   carry its own ACL, and any principal allowed to write objects can make one of them public
#   (`predefined_acl = "publicRead"`, `gsutil acl ch -u AllUsers:R`) without any change to the bucket's
#   IAM policy, where reviews and organization policies look. Uniform access turns object ACLs off so
#   that IAM alone decides. It is off unless `uniform_bucket_level_access = true` is written. Severity
#   is medium: nothing is public yet, but one object away from it and invisible to IAM audits.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/uniform-bucket-level-access
# custom:
#   id: GCP-STORAGE-002
#   name: storage-bucket-uniform-access-disabled
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Set `uniform_bucket_level_access = true` on the google_storage_bucket (migrate any object ACLs
#     that grant access to IAM bindings first).
package preflight.gcp.storage.bucket_uniform_access_disabled

import data.preflight.lib

deny contains lib.result(b, "uniform_bucket_level_access", msg) if {
	some b in input.gcp.storage.buckets
	b.uniform_bucket_level_access == false
	msg := sprintf("Cloud Storage bucket `%s` does not enforce uniform bucket-level access: object ACLs can make single objects public", [b.label])
}
