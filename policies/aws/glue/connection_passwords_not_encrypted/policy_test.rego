package preflight.aws.glue.connection_passwords_not_encrypted_test

import data.preflight.aws.glue.connection_passwords_not_encrypted as p

settings(extra) := object.union({"id": "aws_glue_data_catalog_encryption_settings.catalog", "label": "catalog", "unknown": []}, extra)

deny_for(g) := results if {
	results := p.deny with input as {"aws": {"glue": {"catalog_encryption_settings": [g]}}}
}

test_off_denied if {
	results := deny_for(settings({"connection_password_encrypted": false}))
	count(results) == 1
	some r in results
	r.path == "connection_password_encrypted"
	r.message == "Glue Data Catalog encryption settings `catalog` return connection passwords unencrypted"
}

test_on_allowed if count(deny_for(settings({"connection_password_encrypted": true}))) == 0

test_unknown_silent if count(deny_for(settings({"unknown": ["connection_password_encrypted"]}))) == 0
