# METADATA
# title: S3 access point policy grants access to everyone
# description: |
#   An access point is a second door into a bucket with a name, a policy and a public access block of its
#   own. A statement in its policy that allows Principal "*" with no condition narrowing the callers lets
#   anyone on the internet use that door, for the actions the statement lists. AWS turns all four block
#   settings on for new access points; this rule reports access points reachable from the internet whose
#   own block has both `block_public_policy` and `restrict_public_buckets` turned off, when neither the
#   account's block nor the bucket's `restrict_public_buckets` stops the policy. VPC-only access points are
#   not public. High, not critical: S3 still needs the bucket's policy to let the access point's requests
#   through, which buckets usually do by delegating to the account's access points.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html
# custom:
#   id: AWS-S3-005
#   name: s3-public-access-point-policy
#   severity: high
#   category: public-access
#   recommended_action: |
#     Replace the "*" principal in the access point's `policy` (or its aws_s3control_access_point_policy)
#     with the roles or accounts that need access, or add a narrowing condition (`aws:PrincipalOrgID`,
#     `aws:SourceVpce`). Leave `public_access_block_configuration` out of the aws_s3_access_point (every
#     flag is then on) or set `block_public_policy` and `restrict_public_buckets` to `true`; a
#     `vpc_configuration` keeps the access point off the internet.
#   recommended_action_cloudformation: |
#     Replace the `"*"` principal in the `AWS::S3::AccessPoint` `Policy` with named principals or add a
#     narrowing `Condition`, and leave `PublicAccessBlockConfiguration` out (all settings on) or set
#     `BlockPublicPolicy` and `RestrictPublicBuckets` to `true`; `VpcConfiguration` keeps it off the
#     internet.
package preflight.aws.s3.public_access_point_policy

import data.preflight.lib
import data.preflight.lib.aws.iam
import data.preflight.lib.aws.s3

# Reads, through lib.aws.s3: ap.network_origin, ap.public_access_block, ap.bucket_id, the bucket's
# b.public_access_block and b.external, and the account blocks' a.block_public_policy and
# a.restrict_public_buckets.
accounts := [a | some a in input.aws.s3.account_public_access_blocks]

buckets := [b | some b in input.aws.s3.buckets]

deny contains lib.result(ap, path, msg) if {
	some ap in input.aws.s3.access_points
	some i, stmt in ap.policy.statements
	path := sprintf("policy.statements[%d]", [i])
	iam.open_to_anyone(ap, path, stmt)
	s3.access_point_policy_in_force(ap, buckets, accounts)
	msg := sprintf("S3 access point `%s` has a policy that lets anyone perform %s and a public access block that does not stop it", [ap.label, iam.describe_actions(stmt)])
}
