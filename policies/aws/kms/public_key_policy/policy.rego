# METADATA
# title: KMS key policy open to everyone
# description: |
#   A key policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition limiting the
#   caller to an account (`kms:CallerAccount`, `aws:PrincipalAccount`), an organization or a network
#   lets every AWS account use the key. Whoever obtains ciphertext (a snapshot shared by mistake, an
#   object copied out of a bucket) can decrypt it; with administrative actions anyone can change the key
#   policy or schedule the key's deletion, which destroys every piece of data encrypted under it.
#   Critical: a key policy is the last line that keeps encrypted data confidential.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
# custom:
#   id: AWS-KMS-001
#   name: kms-key-public-policy
#   severity: critical
#   category: public-access
#   recommended_action: |
#     In the `policy` of the aws_kms_key or aws_kms_key_policy, name the account root
#     (`arn:aws:iam::ACCOUNT:root`), roles or services that use the key as principals, or keep `"*"` only
#     with a `StringEquals` condition on `kms:CallerAccount` or `aws:PrincipalOrgID`.
#   recommended_action_cloudformation: |
#     In the `KeyPolicy` of the `AWS::KMS::Key`, replace the `"*"` principal with the account root or the
#     roles that use the key, or add a `Condition` on `kms:CallerAccount` or `aws:PrincipalOrgID`.
package preflight.aws.kms.public_key_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [
	["decrypt data", ["kms:Decrypt", "kms:ReEncryptFrom"]],
	["encrypt data", ["kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptTo"]],
	["create grants on the key", ["kms:CreateGrant"]],
	["change the key policy", ["kms:PutKeyPolicy"]],
	["disable or delete the key", ["kms:DisableKey", "kms:ScheduleKeyDeletion"]],
]

# KMS's own key that pins the caller to an account.
keys := {"kms:calleraccount"}

deny contains lib.result(k, path, msg) if {
	some k in input.aws.kms.keys
	some i, stmt in k.policy.statements
	path := rp.open_statement(k, i, stmt, keys)
	msg := sprintf("KMS key `%s` has a policy that lets anyone %s", [k.label, rp.describe(stmt, abilities)])
}
