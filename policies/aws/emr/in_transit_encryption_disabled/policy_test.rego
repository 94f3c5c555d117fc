package preflight.aws.emr.in_transit_encryption_disabled_test

import data.preflight.aws.emr.in_transit_encryption_disabled as p

sc(extra) := object.union({"id": "aws_emr_security_configuration.analytics", "label": "analytics", "unknown": []}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"aws": {"emr": {"security_configurations": [s]}}}
}

test_disabled_denied if {
	results := deny_for(sc({"at_rest_encryption": true, "in_transit_encryption": false}))
	count(results) == 1
	some r in results
	r.path == "in_transit_encryption"
	r.message == "EMR security configuration `analytics` does not enable in-transit encryption"
}

test_enabled_allowed if count(deny_for(sc({"in_transit_encryption": true}))) == 0

test_unknown_silent if count(deny_for(sc({"unknown": ["in_transit_encryption"]}))) == 0
