# METADATA
# title: EC2 instance, launch template or launch configuration creates an unencrypted EBS volume
# description: |
#   The root and data volumes an instance boots with hold its operating system, application files and
#   often secrets; unencrypted, they and every snapshot taken from them can be read by whoever gets a copy.
#   A root volume takes the encryption of the AMI's snapshot, and public AMIs are unencrypted, so a root
#   volume without `encrypted = true` is taken as unencrypted unless the code turns on EBS encryption by
#   default. Medium, like an unencrypted EBS volume: EBS does not encrypt on its own.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: AWS-EBS-004
#   name: instance-volume-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `encrypted = true` (optionally with `kms_key_id`) in `root_block_device` and every
#     `ebs_block_device` of the aws_instance or aws_launch_configuration, and in the `ebs` block of every
#     `block_device_mappings` of the aws_launch_template (adding a mapping for the AMI's root device when
#     none is written), or turn on aws_ebs_encryption_by_default for the region.
#   recommended_action_cloudformation: |
#     Set `Encrypted: true` (optionally with `KmsKeyId`) in the `Ebs` of every `BlockDeviceMappings`
#     entry, adding an entry for the AMI's root device, of the `AWS::EC2::Instance`, the
#     `AWS::EC2::LaunchTemplate` (`LaunchTemplateData`) or the `AWS::AutoScaling::LaunchConfiguration`, or
#     turn on EBS encryption by default for the account and region.
#   frameworks:
#     - AWS Foundational Security Best Practices EC2.3
#     - AWS Foundational Security Best Practices AutoScaling.3
package preflight.aws.ebs.instance_volume_not_encrypted

import data.preflight.lib

machines contains ["EC2 instance", m] if some m in input.aws.compute.instances

machines contains ["Launch template", m] if some m in input.aws.compute.launch_templates

machines contains ["Launch configuration", m] if some m in input.aws.compute.launch_configurations

deny contains lib.result(m, sprintf("block_devices[%d].encrypted", [i]), msg) if {
	some pair in machines
	noun := pair[0]
	m := pair[1]
	some i, d in m.block_devices
	d.encrypted == false
	msg := sprintf("%s `%s` creates %s without encryption", [noun, m.label, volume(d)])
}

volume(d) := "its root volume" if d.root == true

volume(d) := sprintf("EBS volume `%s`", [d.device_name]) if {
	not d.root == true
	is_string(d.device_name)
}

volume(d) := "an EBS volume" if {
	not d.root == true
	not is_string(d.device_name)
}
