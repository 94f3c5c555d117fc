# METADATA
# title: Several external partners can read the same data
# description: |
#   A store shared with several partners must give each one only its own part. When read or list
#   access to the same resource ARN (a whole bucket, a prefix, a queue, a table) is granted to two or
#   more distinct external principals (other accounts, roles of other accounts, an organization), or
#   one partner's grant covers the prefix another partner's grant names, every partner reads every other
#   partner's records. The grant is judged across the resource's own policy and the identity policies of
#   partner roles in the scanned code (roles whose trust names another account); a resource written with
#   a per-principal policy variable (`${aws:PrincipalTag/partner}`, `${aws:userid}`, `${aws:username}`,
#   `${saml:sub}`) or a distinct prefix per partner keeps them apart and is not reported. A role that
#   reads data and is trusted by several accounts at once is the same leak. Medium: the readers are
#   known partners, but each sees data it has no right to. When the store is also public or not
#   encrypted, the same leak is reported as AWS-IAM-011 (high) instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
# custom:
#   id: AWS-IAM-010
#   name: partner-data-not-isolated
#   severity: medium
#   category: sharing
#   recommended_action: |
#     Give each partner its own prefix or resource in the `policy` (or the `resources` of each partner
#     role's policy), e.g. `arn:aws:s3:::exchange/partner-a/*`, or one statement using a policy variable
#     such as `arn:aws:s3:::exchange/$${aws:PrincipalTag/partner}/*`; use one role per partner account.
#   recommended_action_cloudformation: |
#     Give each partner its own prefix or resource in the policy document's `Resource` (or in each
#     partner role's `PolicyDocument`), or use a policy variable such as
#     `arn:aws:s3:::exchange/${aws:PrincipalTag/partner}/*`; use one role per partner account.
package preflight.aws.iam.partner_isolation

import data.preflight.lib.aws.partner

# The whole model is read through lib.aws.partner (`input.aws`): e.policy.statements of every entity
# (p.principals, p.value, stmt.conditions, c.key, c.values, stmt.resources, stmt.actions), the IAM
# role.trust_policy and p.document.statements of p.roles; and for the store, e.encrypted and a bucket's
# e.public_access_block.
deny contains {"id": l.id, "path": l.path, "message": l.message} if {
	some l in partner.leaks
	l.exposed == ""
}
