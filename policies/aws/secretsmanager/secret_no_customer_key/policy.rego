# METADATA
# title: Secrets Manager secret not encrypted with a customer managed key
# description: |
#   Secrets Manager always encrypts secret values, by default with the AWS managed key
#   `aws/secretsmanager`. Every principal of the account allowed to call Secrets Manager may use that
#   key, so only IAM policies decide who reads a secret, and the key cannot be shared with another
#   account. A customer managed key adds a key policy as a second gate and allows cross-account access
#   to be granted deliberately. The value is already encrypted with an AWS key, which is why this is a
#   low finding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
# custom:
#   id: AWS-SECRETSMANAGER-001
#   name: secretsmanager-secret-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_id` on the aws_secretsmanager_secret to a customer managed KMS key (not
#     `alias/aws/secretsmanager`).
#   recommended_action_cloudformation: |
#     Set `KmsKeyId` on the `AWS::SecretsManager::Secret` to a customer managed KMS key (not
#     `alias/aws/secretsmanager`).
package preflight.aws.secretsmanager.secret_no_customer_key

import data.preflight.lib

deny contains lib.result(s, "key_type", msg) if {
	some s in input.aws.secretsmanager.secrets
	s.key_type == "AWS_MANAGED"
	msg := sprintf("Secrets Manager secret `%s` is encrypted with the AWS managed key aws/secretsmanager, not a customer managed key", [s.label])
}
