package preflight.aws.glue.catalog_not_encrypted_test

import data.preflight.aws.glue.catalog_not_encrypted as p

settings(extra) := object.union({"id": "aws_glue_data_catalog_encryption_settings.catalog", "label": "catalog", "unknown": []}, extra)

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"glue": {"catalog_encryption_settings": [g]}}}
}

test_disabled_denied if {
	results := deny_for(settings({"catalog_encryption_mode": "DISABLED"}))
	count(results) == 1
	some r in results
	r.path == "catalog_encryption_mode"
	r.message == "Glue Data Catalog encryption settings `catalog` leave the catalog's metadata unencrypted at rest"
}

test_kms_allowed if count(deny_for(settings({"catalog_encryption_mode": "SSE-KMS"}))) == 0

test_unknown_silent if count(deny_for(settings({"unknown": ["catalog_encryption_mode"]}))) == 0
