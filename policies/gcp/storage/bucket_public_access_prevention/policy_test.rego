package preflight.gcp.storage.bucket_public_access_prevention_test

import data.preflight.gcp.storage.bucket_public_access_prevention as p

bucket(extra) := object.union({"id": "google_storage_bucket.b", "label": "b", "unknown": [], "name": "acme-b",
	"uniform_bucket_level_access": true, "public_access_prevention": "enforced", "kms_key_name": "k"}, extra)

deny_for(b) := results if {
	results := p.deny with input as {"gcp": {"storage": {"buckets": [b]}}}
}

 test_inherited_denied if {
 	results := deny_for(bucket({"public_access_prevention": "inherited"}))
 	count(results) == 1
 	some r in results
 	r.path == "public_access_prevention"
 }

 test_enforced_allowed if count(deny_for(bucket({}))) == 0

 test_unknown_silent if {
 	count(deny_for(object.remove(bucket({"unknown": ["public_access_prevention"]}), ["public_access_prevention"]))) == 0
 }
