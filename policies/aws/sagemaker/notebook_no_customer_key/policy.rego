# METADATA
# title: SageMaker notebook instance storage not encrypted with a customer managed key
# description: |
#   A notebook instance's ML storage volume holds the notebooks, downloaded training data, model
#   artifacts and often credentials saved by hand. SageMaker encrypts it with an AWS managed key when
#   no key is given; with a customer managed key you decide in its key policy who may use the volume's
#   data, can disable the key in an incident and see every use in CloudTrail. The volume is already
#   encrypted with an AWS key, which is why this is a low finding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html
# custom:
#   id: AWS-SAGEMAKER-001
#   name: sagemaker-notebook-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_id` on the aws_sagemaker_notebook_instance to a customer managed KMS key.
#   recommended_action_cloudformation: |
#     Set `KmsKeyId` on the `AWS::SageMaker::NotebookInstance` to a customer managed KMS key.
#   frameworks:
#     - AWS Foundational Security Best Practices SageMaker (encryption at rest)
package preflight.aws.sagemaker.notebook_no_customer_key

import data.preflight.lib

deny contains lib.result(n, "kms_key_id", msg) if {
	some n in input.aws.sagemaker.notebook_instances
	lib.not_written(n, "kms_key_id")
	msg := sprintf("SageMaker notebook instance `%s` has its storage volume encrypted with an AWS managed key, not a customer managed key", [n.label])
}
