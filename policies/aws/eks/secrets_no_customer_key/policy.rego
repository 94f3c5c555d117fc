# METADATA
# title: EKS cluster secrets not encrypted with a customer managed key
# description: |
#   EKS envelope-encrypts all Kubernetes API data, secrets included, on clusters running Kubernetes 1.28
#   and later, with a KMS key that AWS owns. With a customer managed key in `encryption_config` you see
#   every use of the key in CloudTrail, can restrict it in a key policy, and can disable it to cut off
#   access to the secrets in an incident. Low: the secrets are already encrypted with an AWS key
#   (clusters older than 1.28 without a key have only disk-level encryption of etcd).
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html
# custom:
#   id: AWS-EKS-002
#   name: eks-secrets-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Add an `encryption_config` block to the aws_eks_cluster with `resources = ["secrets"]` and
#     `provider { key_arn = <customer managed KMS key ARN> }`.
#   recommended_action_cloudformation: |
#     Add `EncryptionConfig` to the `AWS::EKS::Cluster` with `Resources: [secrets]` and
#     `Provider: {KeyArn: <customer managed KMS key ARN>}`.
#   frameworks:
#     - AWS Foundational Security Best Practices EKS.3
package preflight.aws.eks.secrets_no_customer_key

import data.preflight.lib

deny contains lib.result(c, "secrets_key_type", msg) if {
	some c in input.aws.eks.clusters
	c.secrets_key_type == "AWS_OWNED"
	msg := sprintf("EKS cluster `%s` encrypts its secrets only with a key that AWS owns, not a customer managed key", [c.label])
}
