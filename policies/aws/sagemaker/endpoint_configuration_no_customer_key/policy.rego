# METADATA
# title: SageMaker endpoint configuration without a customer managed key
# description: |
#   An endpoint configuration's KMS key encrypts the storage volumes attached to the instances that
#   serve the model, where the model artifacts and any data the container writes are kept. Without
#   it, SageMaker uses an AWS managed key, whose key policy you cannot narrow and cannot disable to cut
#   off access. The volumes are already encrypted with an AWS key, which is why this is a low finding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html
# custom:
#   id: AWS-SAGEMAKER-003
#   name: sagemaker-endpoint-configuration-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_arn` on the aws_sagemaker_endpoint_configuration to a customer managed KMS key.
#     (Instance types with only local NVMe instance storage encrypt it with a hardware key and take no
#     KMS key.)
#   recommended_action_cloudformation: |
#     Set `KmsKeyId` on the `AWS::SageMaker::EndpointConfig` to a customer managed KMS key.
package preflight.aws.sagemaker.endpoint_configuration_no_customer_key

import data.preflight.lib

deny contains lib.result(e, "kms_key_arn", msg) if {
	some e in input.aws.sagemaker.endpoint_configurations
	lib.not_written(e, "kms_key_arn")
	msg := sprintf("SageMaker endpoint configuration `%s` has no customer managed key: its storage volumes are encrypted with an AWS managed key", [e.label])
}
