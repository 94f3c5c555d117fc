package preflight.aws.ebs.default_encryption_disabled_test

import data.preflight.aws.ebs.default_encryption_disabled as p

setting(extra) := object.union({"id": "aws_ebs_encryption_by_default.this", "label": "this", "unknown": []}, extra)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"compute": {"ebs_encryption_defaults": [x]}}}
}

test_disabled_denied if {
	results := deny_for(setting({"enabled": false}))
	count(results) == 1
	some r in results
	r.path == "enabled"
	r.message == "`this` turns off EBS encryption by default for the region"
}

test_enabled_allowed if count(deny_for(setting({"enabled": true}))) == 0

test_unknown_silent if count(deny_for(setting({"unknown": ["enabled"]}))) == 0
