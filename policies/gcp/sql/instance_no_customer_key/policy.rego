# METADATA
# title: Cloud SQL instance not encrypted with a customer-managed key
# description: |
#   A google_sql_database_instance without `encryption_key_name` keeps its data disk, backups and
#   exports-in-place encrypted with Google's default key. The data is encrypted at rest either way; a
#   customer-managed Cloud KMS key (CMEK) lets you see every use of the key in Cloud Audit Logs,
#   control in IAM who may use it, and disable or destroy it to make the instance and every backup
#   unreadable. The key can only be chosen when the instance is created, so this is the moment to
#   decide. Read replicas (`master_instance_name`) follow their primary and are judged there.
#   Severity is low, as for the other customer-managed key rules.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/postgres/cmek
# custom:
#   id: GCP-SQL-003
#   name: sql-instance-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `encryption_key_name` on the google_sql_database_instance to a Cloud KMS crypto key in the
#     instance's region, and grant the Cloud SQL service agent (a google_project_service_identity for
#     `sqladmin.googleapis.com`) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. The instance has
#     to be recreated to change its key.
package preflight.gcp.sql.instance_no_customer_key

import data.preflight.lib

deny contains lib.result(db, "kms_key_name", msg) if {
	some db in input.gcp.sql.instances
	db.replica == false
	lib.not_written(db, "kms_key_name")
	msg := sprintf("Cloud SQL instance `%s` is encrypted with Google's default key, not a customer-managed key", [db.label])
}
