package preflight.gcp.storage.bucket_no_customer_key_test

import data.preflight.gcp.storage.bucket_no_customer_key as p

bucket(extra) := object.union({"id": "google_storage_bucket.b", "label": "b", "unknown": [], "name": "acme-b",
	"uniform_bucket_level_access": true, "public_access_prevention": "enforced", "kms_key_name": "k"}, extra)

deny_for(b) := results if {
	results := p.deny with input as {"gcp": {"storage": {"buckets": [b]}}}
}

 test_default_key_denied if {
 	results := deny_for(object.remove(bucket({}), ["kms_key_name"]))
 	count(results) == 1
 	some r in results
 	r.path == "kms_key_name"
 }

 test_customer_key_allowed if count(deny_for(bucket({}))) == 0

 test_unknown_silent if {
 	count(deny_for(object.remove(bucket({"unknown": ["kms_key_name"]}), ["kms_key_name"]))) == 0
 }
