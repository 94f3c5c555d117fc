package preflight.aws.workspaces.volume_not_encrypted_test

import data.preflight.aws.workspaces.volume_not_encrypted as p

ws(extra) := object.union({"id": "aws_workspaces_workspace.jdoe", "label": "jdoe", "unknown": []}, extra)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"workspaces": {"workspaces": [x]}}}
}

test_user_volume_denied if {
	results := deny_for(ws({"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": false}))
	count(results) == 1
	some r in results
	r.path == "user_volume_encryption_enabled"
	r.message == "WorkSpace `jdoe` does not encrypt its user volume"
}

test_both_denied if {
	count(deny_for(ws({"root_volume_encryption_enabled": false, "user_volume_encryption_enabled": false}))) == 2
}

test_encrypted_allowed if {
	count(deny_for(ws({"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": true}))) == 0
}

test_unknown_silent if {
	x := ws({"user_volume_encryption_enabled": true, "unknown": ["root_volume_encryption_enabled"]})
	count(deny_for(x)) == 0
}
