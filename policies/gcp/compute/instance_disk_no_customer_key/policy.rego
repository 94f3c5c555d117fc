# METADATA
# title: Compute Engine VM or instance template creates a disk without a customer-managed key
# description: |
#   The boot disk a google_compute_instance creates from an image, and every persistent disk a
#   google_compute_instance_template (or google_compute_region_instance_template) creates for each VM,
#   is encrypted with Google's default key unless the instance names one (`boot_disk.kms_key_self_link`,
#   or a customer-supplied `disk_encryption_key_raw` / `disk_encryption_key_rsa`; in a template,
#   `disk.disk_encryption_key.kms_key_self_link`). The data is encrypted at rest either way; a
#   customer-managed Cloud KMS key adds what GCP-COMPUTE-004 describes for standalone disks: each use
#   of the key in Cloud Audit Logs, IAM control over who may use it, and the power to disable it to
#   cut off access to the disk. Boot disks hold the operating system and often application data, logs
#   and credentials written to local files. Disks the VM attaches by `source` (an existing disk, judged
#   by GCP-COMPUTE-004 when it is in the code) and local SSDs, which cannot take a key, are not
#   reported. Severity is low, as for the other customer-managed key rules.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/disks/customer-managed-encryption
#   - ref: https://cloud.google.com/compute/docs/disks/customer-supplied-encryption
# custom:
#   id: GCP-COMPUTE-006
#   name: compute-instance-disk-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_self_link` in the `boot_disk` block of the google_compute_instance (in a template:
#     a `disk_encryption_key` block with `kms_key_self_link` in each `disk` block) to a Cloud KMS crypto
#     key, and grant the Compute Engine service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it.
package preflight.gcp.compute.instance_disk_no_customer_key

import data.preflight.lib

deny contains lib.result(vm, sprintf("created_disks[%d].key_type", [i]), msg) if {
	some vm in input.gcp.compute.instances
	some i, d in vm.created_disks
	d.key_type == "GOOGLE_MANAGED"
	msg := sprintf("VM `%s` creates its boot disk with Google's default key, not a customer-managed key", [vm.label])
}

deny contains lib.result(t, sprintf("created_disks[%d].key_type", [i]), msg) if {
	some t in input.gcp.compute.instance_templates
	some i, d in t.created_disks
	d.key_type == "GOOGLE_MANAGED"
	msg := sprintf("Instance template `%s` creates %s with Google's default key, not a customer-managed key", [t.label, disk_name(d, i)])
}

disk_name(d, _) := "its boot disk" if d.boot == true

disk_name(d, i) := sprintf("disk %d", [i]) if not d.boot == true
