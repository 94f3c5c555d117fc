package preflight.aws.efs.file_system_not_encrypted_test

import data.preflight.aws.efs.file_system_not_encrypted as p

fs(extra) := object.union({"id": "aws_efs_file_system.shared", "label": "shared", "unknown": []}, extra)

deny_for(f) := results if {
	results := p.deny with input as {"aws": {"efs": {"file_systems": [f]}}}
}

test_unencrypted_denied if {
	results := deny_for(fs({"encrypted": false, "key_type": "NONE"}))
	count(results) == 1
	some r in results
	r.path == "encrypted"
	r.message == "EFS file system `shared` is not encrypted at rest"
}

test_encrypted_allowed if count(deny_for(fs({"encrypted": true, "key_type": "AWS_MANAGED"}))) == 0

test_unknown_silent if count(deny_for(fs({"unknown": ["encrypted", "key_type"]}))) == 0
