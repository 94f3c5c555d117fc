# METADATA
# title: Lambda environment variables not encrypted with a customer managed key
# description: |
#   Lambda always encrypts a function's environment variables at rest, by default with the AWS managed
#   key `aws/lambda`. Anyone allowed `lambda:GetFunctionConfiguration` then reads them in clear, and
#   the key policy cannot be narrowed. Environment variables often carry connection strings, API
#   tokens and endpoints; with a customer managed key, reading them also needs `kms:Decrypt` on a key
#   whose policy you write, and every use is logged against it. The data is already encrypted with an
#   AWS key, which is why this is a low finding. Functions without environment variables are not
#   reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
# custom:
#   id: AWS-LAMBDA-002
#   name: lambda-environment-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `kms_key_arn` on the aws_lambda_function to a customer managed KMS key, and let the function's
#     execution role use it (`kms:Decrypt`). Better still, keep secrets in Secrets Manager or SSM
#     Parameter Store and pass only their names in `environment`.
#   recommended_action_cloudformation: |
#     Set `KmsKeyArn` on the `AWS::Lambda::Function` (or the SAM `AWS::Serverless::Function`, or
#     `Globals.Function`) to a customer managed KMS key that the execution role may use.
package preflight.aws.lambda.environment_no_customer_key

import data.preflight.lib

deny contains lib.result(f, "kms_key_arn", msg) if {
	some f in input.aws.lambda.functions
	f.environment_variables == true
	lib.not_written(f, "kms_key_arn")
	msg := sprintf("Lambda function `%s` has environment variables encrypted with the AWS managed key aws/lambda, not a customer managed key", [f.label])
}
