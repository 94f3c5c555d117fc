# METADATA
# title: Glacier vault access policy open to everyone
# description: |
#   A vault access policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition
#   limiting the caller to an account or organization lets every AWS account act on the vault's
#   archives. Depending on the actions, anyone can start retrieval jobs and download the archives
#   (long-term records, often years of them), upload archives that you pay to keep, or delete them.
#   High: archives are data kept because it matters, and a deletion cannot be undone.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-access-policy.html
# custom:
#   id: AWS-GLACIER-001
#   name: glacier-vault-public-policy
#   severity: high
#   category: public-access
#   recommended_action: |
#     In the `access_policy` of the aws_glacier_vault, name the accounts or roles that use the vault as
#     principals, or add a `StringEquals` condition on `aws:PrincipalOrgID`.
#   recommended_action_cloudformation: |
#     In the `AccessPolicy` of the `AWS::Glacier::Vault`, name the accounts or roles that use the vault as
#     principals, or add a `Condition` on `aws:PrincipalOrgID`.
package preflight.aws.glacier.public_vault_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [
	["retrieve archives", ["glacier:InitiateJob", "glacier:GetJobOutput"]],
	["upload archives", ["glacier:UploadArchive", "glacier:InitiateMultipartUpload"]],
	["delete archives", ["glacier:DeleteArchive"]],
	["change the vault's policy", ["glacier:SetVaultAccessPolicy", "glacier:DeleteVaultAccessPolicy"]],
	["delete the vault", ["glacier:DeleteVault"]],
]

deny contains lib.result(v, path, msg) if {
	some v in input.aws.glacier.vaults
	some i, stmt in v.policy.statements
	path := rp.open_statement(v, i, stmt, set())
	msg := sprintf("Glacier vault `%s` has a policy that lets anyone %s", [v.label, rp.describe(stmt, abilities)])
}
