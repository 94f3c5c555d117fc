package preflight.gcp.bigquery.dataset_no_customer_key_test

import data.preflight.gcp.bigquery.dataset_no_customer_key as p

dataset(extra) := object.union({"id": "google_bigquery_dataset.d", "label": "d", "unknown": [], "kms_key_name": "k"}, extra)

deny_for(d) := results if {
	results := p.deny with input as {"gcp": {"bigquery": {"datasets": [d]}}}
}

test_default_key_denied if {
	results := deny_for(object.remove(dataset({}), ["kms_key_name"]))
	count(results) == 1
	some r in results
	r.path == "kms_key_name"
}

test_customer_key_allowed if count(deny_for(dataset({}))) == 0

test_unknown_silent if count(deny_for(object.remove(dataset({"unknown": ["kms_key_name"]}), ["kms_key_name"]))) == 0
