package preflight.gcp.storage.bucket_uniform_access_disabled_test

import data.preflight.gcp.storage.bucket_uniform_access_disabled as p

bucket(extra) := object.union({"id": "google_storage_bucket.b", "label": "b", "unknown": [], "name": "acme-b",
	"uniform_bucket_level_access": true, "public_access_prevention": "enforced", "kms_key_name": "k"}, extra)

deny_for(b) := results if {
	results := p.deny with input as {"gcp": {"storage": {"buckets": [b]}}}
}

 test_fine_grained_denied if {
 	results := deny_for(bucket({"uniform_bucket_level_access": false}))
 	count(results) == 1
 	some r in results
 	r.path == "uniform_bucket_level_access"
 }

 test_uniform_allowed if count(deny_for(bucket({}))) == 0

 test_unknown_silent if {
 	count(deny_for(object.remove(bucket({"unknown": ["uniform_bucket_level_access"]}), ["uniform_bucket_level_access"]))) == 0
 }
