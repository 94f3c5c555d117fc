package preflight.aws.efs.public_file_system_policy_test

import data.preflight.aws.efs.public_file_system_policy as p

open_mount := {
	"effect": "Allow",
	"actions": ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
	"not_actions": [],
	"resources": ["*"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

fs(stmts, unknown) := {"id": "aws_efs_file_system.shared", "label": "shared", "unknown": unknown, "policy": {"statements": stmts}}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"efs": {"file_systems": [x]}}}
}

test_open_mount_denied if {
	results := deny_for(fs([open_mount], []))
	count(results) == 1
	some r in results
	r.message == "EFS file system `shared` has a policy that lets anyone mount and read the file system and write to it"
}

test_mount_target_condition_allowed if {
	c := {"operator": "Bool", "key": "elasticfilesystem:accessedviamounttarget", "values": ["true"]}
	count(deny_for(fs([object.union(open_mount, {"conditions": [c]})], []))) == 0
}

test_no_policy_allowed if {
	count(deny_for(json.remove(fs([], []), ["policy"]))) == 0
}

test_unknown_principal_silent if {
	s := json.remove(open_mount, ["principals"])
	count(deny_for(fs([s], ["policy.statements[0].principals"]))) == 0
}
