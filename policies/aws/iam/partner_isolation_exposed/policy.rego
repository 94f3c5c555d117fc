# METADATA
# title: Several external partners can read the same data, which is also public or unencrypted
# description: |
#   The partner-isolation leak of AWS-IAM-010 (read access to the same resource granted to two or more
#   external principals, not kept apart by a per-principal policy variable or a prefix per partner),
#   when the store is also exposed in another way: its own policy lets anyone in (and, for a bucket, no
#   public access block stops it), or it is known not to be encrypted (a queue, stream, file system or
#   table with encryption turned off). High: each partner already reads the others' records, and the
#   same records are open to the internet or sit unencrypted, so the damage of the leak is not bounded
#   by the partners' good faith. The finding says which of the two applies. A store outside the scanned
#   code, or whose encryption or public access cannot be told, is reported as AWS-IAM-010 (medium).
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: AWS-IAM-011
#   name: partner-data-not-isolated-and-exposed
#   severity: high
#   category: sharing
#   recommended_action: |
#     Give each partner its own prefix or resource in the `policy` (or the `resources` of each partner
#     role's policy), or use a policy variable such as `$${aws:PrincipalTag/partner}`; remove the
#     statement that lets anyone in (or turn on the bucket's public access block), and turn encryption
#     on (`sqs_managed_sse_enabled`, `kms_master_key_id`, `encrypted`).
#   recommended_action_cloudformation: |
#     Give each partner its own prefix or resource in the policy document's `Resource`, or use a policy
#     variable such as `${aws:PrincipalTag/partner}`; remove the statement that lets anyone in (or set
#     the bucket's `PublicAccessBlockConfiguration`), and turn encryption on (`SqsManagedSseEnabled`,
#     `KmsMasterKeyId`, `Encrypted`).
package preflight.aws.iam.partner_isolation_exposed

import data.preflight.lib.aws.partner

# The whole model is read through lib.aws.partner (`input.aws`): e.policy.statements of every entity
# (p.principals, p.value, stmt.conditions, c.key, c.values, stmt.resources, stmt.actions), the IAM
# role.trust_policy and p.document.statements of p.roles; and for the store, e.encrypted and a bucket's
# e.public_access_block.
deny contains {"id": l.id, "path": l.path, "message": msg} if {
	some l in partner.leaks
	l.exposed != ""
	msg := sprintf("%s, and %s", [l.message, l.exposed])
}
