# METADATA
# title: AMI shared with another AWS account
# description: |
#   A launch permission for an account ID lets that account launch instances from the image and copy
#   it into an AMI of its own, with everything baked into its snapshots: application code, configuration
#   files, and any keys or credentials left on the disk. Once copied, the image stays with the other
#   account even after the permission is removed. Sharing golden images with the organization's own
#   accounts is common and often intended, so this is a low finding that makes every cross-account
#   share visible in review; sharing with an organization or organizational unit ARN is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html
# custom:
#   id: AWS-AMI-002
#   name: ami-shared-with-account
#   severity: low
#   category: sharing
#   recommended_action: |
#     Check that the account in `account_id` of the aws_ami_launch_permission (or `user_ids` of an Image
#     Builder `launch_permission`) should own a copy of the image; prefer `organization_arn` or
#     `organizational_unit_arn` to share within your organization.
#   recommended_action_cloudformation: |
#     Check that each account in `UserIds` of the `LaunchPermissionConfiguration` should own a copy of
#     the image; prefer `OrganizationArns` or `OrganizationalUnitArns`.
package preflight.aws.ami.shared_with_account

import data.preflight.lib

deny contains lib.result(p, sprintf("launch_permissions[%d].user_ids", [i]), msg) if {
	some p in input.aws.compute.image_permissions
	some i, lp in p.launch_permissions
	count(lp.user_ids) > 0
	msg := sprintf("`%s` lets AWS account %s launch and copy the AMI", [p.label, concat(", ", sort(lp.user_ids))])
}
