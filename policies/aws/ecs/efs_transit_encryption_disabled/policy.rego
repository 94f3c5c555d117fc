# METADATA
# title: ECS task definition mounts an EFS volume without encryption in transit
# description: |
#   Without transit encryption, the NFS traffic between the task and its EFS file system crosses the VPC
#   in the clear: anyone who can capture traffic on the network path (a compromised host, a mirrored ENI)
#   reads and can alter the files. EFS encrypts data at rest only; TLS in transit must be asked for in the
#   task definition and is off by default, hence medium.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
# custom:
#   id: AWS-ECS-001
#   name: ecs-efs-transit-encryption-disabled
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `transit_encryption = "ENABLED"` in the `efs_volume_configuration` of every `volume` of the
#     aws_ecs_task_definition (and preferably `authorization_config { iam = "ENABLED" }`).
#   recommended_action_cloudformation: |
#     Set `TransitEncryption: ENABLED` in the `EFSVolumeConfiguration` of every entry of `Volumes` of the
#     `AWS::ECS::TaskDefinition`.
package preflight.aws.ecs.efs_transit_encryption_disabled

import data.preflight.lib

deny contains lib.result(t, sprintf("efs_volumes[%d].transit_encryption", [i]), msg) if {
	some t in input.aws.ecs.task_definitions
	some i, v in t.efs_volumes
	upper(v.transit_encryption) == "DISABLED"
	msg := sprintf("ECS task definition `%s` mounts EFS volume %s without encryption in transit", [t.label, volume_name(v)])
}

volume_name(v) := sprintf("`%s`", [v.name]) if is_string(v.name)

volume_name(v) := "(unnamed)" if not is_string(v.name)
