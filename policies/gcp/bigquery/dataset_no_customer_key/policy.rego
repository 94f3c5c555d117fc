# METADATA
# title: BigQuery dataset not encrypted with a customer-managed key
# description: |
#   A dataset without `default_encryption_configuration.kms_key_name` creates its tables under Google's
#   default encryption. Google encrypts all data at rest by default, with keys Google holds and manages;
#   that protects against lost disks, not against someone with access to the project. With a customer-
#   managed Cloud KMS key you can see every use of the key in Cloud Audit Logs, restrict in IAM who may
#   use it, and disable or destroy it to cut off access to the data in an incident or at the end of a
#   contract. Severity is low: the data is encrypted either way; the finding asks whether this data
#   needs that control.
# related_resources:
#   - ref: https://cloud.google.com/bigquery/docs/customer-managed-encryption
# custom:
#   id: GCP-BIGQUERY-002
#   name: bigquery-dataset-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Add a `default_encryption_configuration` block with `kms_key_name` set to a Cloud KMS crypto key
#     to the google_bigquery_dataset, and grant the BigQuery service account
#     `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it.
package preflight.gcp.bigquery.dataset_no_customer_key

import data.preflight.lib

deny contains lib.result(d, "kms_key_name", msg) if {
	some d in input.gcp.bigquery.datasets
	lib.not_written(d, "kms_key_name")
	msg := sprintf("BigQuery dataset `%s` is encrypted with Google's default key, not a customer-managed key", [d.label])
}
