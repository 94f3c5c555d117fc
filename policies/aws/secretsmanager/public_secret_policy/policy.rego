# METADATA
# title: Secrets Manager secret policy open to everyone
# description: |
#   A secret's resource policy statement that allows Principal "*" (or {"AWS": "*"}) with no condition
#   limiting the caller to an account, organization or network lets every AWS account act on the secret.
#   With `secretsmanager:GetSecretValue` anyone reads the database password, API key or signing key it
#   holds; with write actions anyone replaces it or deletes it. Critical: a secret exists to be read by
#   a few named callers only.
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html
# custom:
#   id: AWS-SECRETSMANAGER-002
#   name: secretsmanager-secret-public-policy
#   severity: critical
#   category: public-access
#   recommended_action: |
#     In the `policy` of the aws_secretsmanager_secret or aws_secretsmanager_secret_policy, name the
#     roles that read the secret as principals (or add a `StringEquals` condition on
#     `aws:PrincipalAccount` or `aws:PrincipalOrgID`); set `block_public_policy = true` on the
#     aws_secretsmanager_secret_policy so that Secrets Manager refuses such a policy.
#   recommended_action_cloudformation: |
#     In the `ResourcePolicy` of the `AWS::SecretsManager::ResourcePolicy`, name the roles that read the
#     secret as principals, or add a `Condition` on `aws:PrincipalAccount` or `aws:PrincipalOrgID`; set
#     `BlockPublicPolicy: true`.
package preflight.aws.secretsmanager.public_secret_policy

import data.preflight.lib
import data.preflight.lib.aws.resource_policy as rp

abilities := [
	["read the secret value", ["secretsmanager:GetSecretValue"]],
	["change the secret value", ["secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret"]],
	["change the secret's policy", ["secretsmanager:PutResourcePolicy", "secretsmanager:DeleteResourcePolicy"]],
	["delete the secret", ["secretsmanager:DeleteSecret"]],
]

deny contains lib.result(s, path, msg) if {
	some s in input.aws.secretsmanager.secrets
	some i, stmt in s.policy.statements
	path := rp.open_statement(s, i, stmt, set())
	msg := sprintf("Secrets Manager secret `%s` has a policy that lets anyone %s", [s.label, rp.describe(stmt, abilities)])
}
