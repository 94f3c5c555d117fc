# METADATA
# title: EBS snapshot create-volume permission given to everyone
# description: |
#   A create-volume permission for `all` lets every AWS account copy the snapshot into a volume of its own
#   and read the whole disk: files, database pages, keys and credentials left on it. Public snapshots are
#   searchable by anyone, and leaked snapshots are a recurring source of breaches, hence critical. The
#   Terraform provider sends `account_id` to EC2 as an account, so AWS may refuse `all`; the code still
#   asks for a public snapshot and should not. CloudFormation has no snapshot resource.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html
# custom:
#   id: AWS-EBS-002
#   name: ebs-snapshot-public
#   severity: critical
#   category: public-access
#   recommended_action: |
#     Set `account_id` of the aws_snapshot_create_volume_permission to the 12-digit ID of the one account
#     that needs the snapshot, and turn on block public access for EBS snapshots
#     (aws_ebs_snapshot_block_public_access with `state = "block-all-sharing"`).
#   frameworks:
#     - AWS Foundational Security Best Practices EC2.1
package preflight.aws.ebs.snapshot_public

import data.preflight.lib

deny contains lib.result(p, "account_id", msg) if {
	some p in input.aws.compute.snapshot_permissions
	lower(p.account_id) == "all"
	msg := sprintf("EBS snapshot permission `%s` lets every AWS account create volumes from the snapshot", [p.label])
}
