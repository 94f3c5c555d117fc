# METADATA
# title: CodeBuild project output not encrypted with a customer managed key
# description: |
#   CodeBuild encrypts a project's build output artifacts, and the cached files it keeps between
#   builds, with a KMS key: the account's AWS managed `aws/s3` key unless `encryption_key` names another.
#   Any principal of the account allowed to read the artifact bucket can decrypt with the AWS managed key,
#   so only the bucket's permissions protect artifacts that often hold built binaries, packaged secrets or
#   deployment bundles, and the key cannot be shared with a deployment account on purpose. A customer
#   managed key adds its key policy as a second gate. Low, because the artifacts are encrypted either way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html
# custom:
#   id: AWS-CODEBUILD-001
#   name: codebuild-project-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Set `encryption_key` on the aws_codebuild_project to the ARN of a customer managed KMS key (not
#     `alias/aws/s3`) that the project's service role may use.
#   recommended_action_cloudformation: |
#     Set `EncryptionKey` on the `AWS::CodeBuild::Project` to a customer managed KMS key (not
#     `alias/aws/s3`).
package preflight.aws.codebuild.project_no_customer_key

import data.preflight.lib

deny contains lib.result(p, "key_type", msg) if {
	some p in input.aws.codebuild.projects
	p.key_type == "AWS_MANAGED"
	msg := sprintf("CodeBuild project `%s` encrypts its build output with the AWS managed key aws/s3, not a customer managed key", [p.label])
}
