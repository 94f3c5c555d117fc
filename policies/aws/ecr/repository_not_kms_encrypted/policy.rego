# METADATA
# title: ECR repository not encrypted with KMS
# description: |
#   ECR always encrypts images at rest; without an encryption setting it uses AES256 with keys that
#   Amazon S3 manages, which leave no trace of their use in CloudTrail and cannot be restricted or
#   revoked. A KMS key (`aws/ecr` or, better, a customer managed key) makes every use auditable and lets a
#   key policy decide who can pull the decrypted layers. Low: images are already encrypted with an AWS key.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html
# custom:
#   id: AWS-ECR-001
#   name: ecr-repository-not-kms-encrypted
#   severity: low
#   category: encryption
#   recommended_action: |
#     Add `encryption_configuration { encryption_type = "KMS", kms_key = <customer managed KMS key ARN> }`
#     to the aws_ecr_repository (encryption can only be chosen when the repository is created).
#   recommended_action_cloudformation: |
#     Set `EncryptionConfiguration` with `EncryptionType: KMS` and `KmsKey` on the `AWS::ECR::Repository`
#     (it can only be chosen when the repository is created).
package preflight.aws.ecr.repository_not_kms_encrypted

import data.preflight.lib

deny contains lib.result(r, "encryption_type", msg) if {
	some r in input.aws.ecr.repositories
	r.encryption_type == "AES256"
	msg := sprintf("ECR repository `%s` is encrypted with AES256 keys that AWS manages, not with KMS", [r.label])
}
