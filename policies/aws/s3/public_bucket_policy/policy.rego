# METADATA
# title: S3 bucket policy grants access to everyone
# description: |
#   A bucket policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition tying it to an
#   account, organization, VPC endpoint or address range applies to every caller on the internet, signed in
#   or not. Depending on its actions, anyone can then list and download the bucket's objects, overwrite or
#   delete them, or change the bucket's own settings. The statement has no effect when the bucket's or the
#   account's public access block restricts public buckets or blocks public policies, so those buckets
#   are not reported. A policy on a bucket defined outside the scanned code is judged the same way: only
#   a block written in the code can neutralize it. When the bucket also hosts a static website the
#   message says so (every object is then served by URL); the severity is already the highest. Critical:
#   the bucket's data is reachable by anyone on the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteAccessPermissionsReqd.html
# custom:
#   id: AWS-S3-003
#   name: s3-public-bucket-policy
#   severity: critical
#   category: public-access
#   recommended_action: |
#     Replace the "*" principal in the bucket policy with the account, role or service principals that need
#     access, or add a condition that pins the statement down (for example `aws:SourceArn`,
#     `aws:PrincipalOrgID` or `aws:SourceVpce`). Then set `block_public_policy` and `restrict_public_buckets`
#     to `true` in the bucket's aws_s3_bucket_public_access_block. Serve public files through CloudFront
#     with an origin access control instead of a public bucket.
#   recommended_action_cloudformation: |
#     In the `AWS::S3::BucketPolicy`, replace the `"*"` principal with the accounts, roles or services
#     that need access, or add a `Condition` that pins the statement down (`aws:SourceArn`,
#     `aws:PrincipalOrgID`, `aws:SourceVpce`), and turn on `BlockPublicPolicy` and
#     `RestrictPublicBuckets` in the bucket's `PublicAccessBlockConfiguration`.
#   frameworks:
#     - AWS Foundational Security Best Practices S3.2, S3.3
package preflight.aws.s3.public_bucket_policy

import data.preflight.lib
import data.preflight.lib.aws.iam
import data.preflight.lib.aws.s3

# Reads, through lib.aws.s3: b.public_access_block (its block_public_policy and restrict_public_buckets),
# b.external, b.website, and the account blocks' a.block_public_policy and a.restrict_public_buckets.
accounts := [a | some a in input.aws.s3.account_public_access_blocks]

deny contains lib.result(b, path, msg) if {
	some b in input.aws.s3.buckets
	some i, stmt in b.policy.statements
	path := sprintf("policy.statements[%d]", [i])
	iam.open_to_anyone(b, path, stmt)
	s3.public_policy_in_force(b, accounts)
	msg := sprintf("S3 bucket `%s` has a policy that lets anyone perform %s%s", [b.label, iam.describe_actions(stmt), s3.context(b)])
}
