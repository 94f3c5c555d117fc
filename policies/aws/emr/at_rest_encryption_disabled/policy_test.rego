package preflight.aws.emr.at_rest_encryption_disabled_test

import data.preflight.aws.emr.at_rest_encryption_disabled as p

sc(extra) := object.union({"id": "aws_emr_security_configuration.analytics", "label": "analytics", "unknown": []}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"aws": {"emr": {"security_configurations": [s]}}}
}

test_disabled_denied if {
	results := deny_for(sc({"at_rest_encryption": false, "in_transit_encryption": true}))
	count(results) == 1
	some r in results
	r.path == "at_rest_encryption"
	r.message == "EMR security configuration `analytics` does not enable encryption at rest"
}

test_enabled_allowed if count(deny_for(sc({"at_rest_encryption": true}))) == 0

test_unknown_silent if count(deny_for(sc({"unknown": ["at_rest_encryption"]}))) == 0
