# METADATA
# title: AMI launch permission given to everyone
# description: |
#   A launch permission for the group `all` makes the AMI public: any AWS account can find it, launch it
#   and copy its disks, with whatever the image holds (application code, configuration, keys and
#   credentials baked in at build time). Public AMIs are listed in every region's catalog and are
#   regularly mined for secrets, hence critical.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html
# custom:
#   id: AWS-AMI-001
#   name: ami-public
#   severity: critical
#   category: public-access
#   recommended_action: |
#     Remove `group = "all"` from the aws_ami_launch_permission and share with `account_id`,
#     `organization_arn` or `organizational_unit_arn` instead; in an
#     aws_imagebuilder_distribution_configuration, drop `all` from `launch_permission.user_groups` and use
#     `user_ids` or `organization_arns`. Turn on aws_ec2_image_block_public_access for the region.
#   recommended_action_cloudformation: |
#     Drop `all` from `UserGroups` in `LaunchPermissionConfiguration` of the
#     `AWS::ImageBuilder::DistributionConfiguration` and list `UserIds`, `OrganizationArns` or
#     `OrganizationalUnitArns` instead.
#   frameworks:
#     - AWS Foundational Security Best Practices (public AMIs)
package preflight.aws.ami.public_image

import data.preflight.lib

deny contains lib.result(p, sprintf("launch_permissions[%d].user_groups", [i]), msg) if {
	some p in input.aws.compute.image_permissions
	some i, lp in p.launch_permissions
	some g in lp.user_groups
	lower(g) == "all"
	msg := sprintf("`%s` lets every AWS account launch the AMI", [p.label])
}
