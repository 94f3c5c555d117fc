# METADATA
# title: Glue Data Catalog metadata not encrypted
# description: |
#   The Glue Data Catalog holds the databases, tables, partitions and their schemas and locations that
#   Athena, EMR, Redshift Spectrum and Glue jobs use: a map of where the account's data is and what it
#   contains. Glue does not encrypt this metadata at rest unless the catalog's encryption settings
#   turn it on. Severity is medium: data at rest is left unencrypted where the service does not
#   encrypt it by default, with no exposure to the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
# custom:
#   id: AWS-GLUE-001
#   name: glue-catalog-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     In the `encryption_at_rest` block of the aws_glue_data_catalog_encryption_settings, set
#     `catalog_encryption_mode = "SSE-KMS"` and `sse_aws_kms_key_id` to a KMS key.
#   recommended_action_cloudformation: |
#     In `DataCatalogEncryptionSettings` of the `AWS::Glue::DataCatalogEncryptionSettings`, set
#     `EncryptionAtRest` with `CatalogEncryptionMode: SSE-KMS` and `SseAwsKmsKeyId`.
package preflight.aws.glue.catalog_not_encrypted

import data.preflight.lib

deny contains lib.result(g, "catalog_encryption_mode", msg) if {
	some g in input.aws.glue.catalog_encryption_settings
	g.catalog_encryption_mode == "DISABLED"
	msg := sprintf("Glue Data Catalog encryption settings `%s` leave the catalog's metadata unencrypted at rest", [g.label])
}
