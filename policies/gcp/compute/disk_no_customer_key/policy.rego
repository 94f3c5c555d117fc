# METADATA
# title: Compute Engine disk not encrypted with a customer-managed key
# description: |
#   A disk without a `disk_encryption_key` (or with one that names no key) is encrypted with Google's
#   default key. Google encrypts all data at rest by default, with keys Google holds and manages; that
#   protects against lost disks, not against someone with access to the project. With a customer-managed
#   Cloud KMS key you can see every use of the key in Cloud Audit Logs, restrict in IAM who may use it,
#   and disable or destroy it to cut off access to the data in an incident or at the end of a contract.
#   Severity is low: the data is encrypted either way; the finding asks whether this data needs that
#   control. Customer-supplied keys (`raw_key`, `rsa_encrypted_key`) count as the customer's.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/disks/customer-managed-encryption
# custom:
#   id: GCP-COMPUTE-004
#   name: compute-disk-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Add a `disk_encryption_key` block with `kms_key_self_link` set to a Cloud KMS crypto key to the
#     google_compute_disk (or google_compute_region_disk), and grant the Compute Engine service agent
#     `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it.
package preflight.gcp.compute.disk_no_customer_key

import data.preflight.lib

deny contains lib.result(d, "key_type", msg) if {
	some d in input.gcp.compute.disks
	d.key_type == "GOOGLE_MANAGED"
	msg := sprintf("Compute Engine disk `%s` is encrypted with Google's default key, not a customer-managed key", [d.label])
}
