# METADATA
# title: Glue connection passwords returned unencrypted
# description: |
#   Glue connections store the user name and password of the JDBC databases, Kafka clusters and other
#   stores that crawlers and jobs reach. Unless password encryption is on, `GetConnection` and
#   `GetConnections` return those passwords in clear to every principal allowed to describe
#   connections, a read-only permission widely granted. With it on, the password comes back encrypted
#   with a KMS key that the reader must also be allowed to use. Severity is medium: database
#   credentials are readable by more principals than need them, not by the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/encrypt-connection-passwords.html
# custom:
#   id: AWS-GLUE-002
#   name: glue-connection-passwords-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     In the `connection_password_encryption` block of the aws_glue_data_catalog_encryption_settings, set
#     `return_connection_password_encrypted = true` and `aws_kms_key_id` to a KMS key.
#   recommended_action_cloudformation: |
#     In `DataCatalogEncryptionSettings` of the `AWS::Glue::DataCatalogEncryptionSettings`, set
#     `ConnectionPasswordEncryption` with `ReturnConnectionPasswordEncrypted: true` and `KmsKeyId`.
package preflight.aws.glue.connection_passwords_not_encrypted

import data.preflight.lib

deny contains lib.result(g, "connection_password_encrypted", msg) if {
	some g in input.aws.glue.catalog_encryption_settings
	g.connection_password_encrypted == false
	msg := sprintf("Glue Data Catalog encryption settings `%s` return connection passwords unencrypted", [g.label])
}
