# METADATA
# title: Cloud Storage bucket not encrypted with a customer-managed key
# description: |
#   A bucket without `encryption.default_kms_key_name` stores new objects under Google's default
#   encryption. Google encrypts all data at rest by default, with keys Google holds and manages; that
#   protects against lost disks, not against someone with access to the project. With a customer-managed
#   Cloud KMS key you can see every use of the key in Cloud Audit Logs, restrict in IAM who may use it,
#   and disable or destroy it to cut off access to the data in an incident or at the end of a contract.
#   Severity is low: the data is encrypted either way; the finding asks whether this data needs that
#   control.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/encryption/customer-managed-keys
# custom:
#   id: GCP-STORAGE-004
#   name: storage-bucket-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Add an `encryption` block with `default_kms_key_name` set to a Cloud KMS crypto key (for example
#     `google_kms_crypto_key.x.id`) to the google_storage_bucket, and grant the Cloud Storage service
#     agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it.
package preflight.gcp.storage.bucket_no_customer_key

import data.preflight.lib

deny contains lib.result(b, "kms_key_name", msg) if {
	some b in input.gcp.storage.buckets
	lib.not_written(b, "kms_key_name")
	msg := sprintf("Cloud Storage bucket `%s` is encrypted with Google's default key, not a customer-managed key", [b.label])
}
