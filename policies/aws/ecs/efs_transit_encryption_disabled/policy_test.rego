package preflight.aws.ecs.efs_transit_encryption_disabled_test

import data.preflight.aws.ecs.efs_transit_encryption_disabled as p

task(vols) := {"id": "aws_ecs_task_definition.app", "label": "app", "unknown": [], "efs_volumes": vols}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"ecs": {"task_definitions": [x]}}}
}

test_disabled_denied if {
	results := deny_for(task([{"name": "shared", "transit_encryption": "ENABLED"}, {"name": "uploads", "transit_encryption": "DISABLED"}]))
	count(results) == 1
	some r in results
	r.path == "efs_volumes[1].transit_encryption"
	r.message == "ECS task definition `app` mounts EFS volume `uploads` without encryption in transit"
}

test_enabled_allowed if count(deny_for(task([{"name": "shared", "transit_encryption": "ENABLED"}]))) == 0

test_no_efs_allowed if count(deny_for(task([]))) == 0

test_unknown_silent if {
	x := object.union(task([{"name": "shared"}]), {"unknown": ["efs_volumes[0].transit_encryption"]})
	count(deny_for(x)) == 0
}
