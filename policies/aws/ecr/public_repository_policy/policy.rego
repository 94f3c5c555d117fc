# METADATA
# title: ECR repository policy open to any AWS account
# description: |
#   A repository policy statement with `Principal: "*"` and no condition that narrows it lets every AWS
#   account in the world act on the repository: pull images (application code, and often configuration
#   or secrets baked into layers), and, when push actions are allowed, replace them with images of its
#   own that your services then run. High: anyone with an AWS account reaches the images.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html
# custom:
#   id: AWS-ECR-002
#   name: ecr-public-repository-policy
#   severity: high
#   category: public-access
#   recommended_action: |
#     In the `policy` of the aws_ecr_repository_policy, name the accounts or roles that need the
#     repository as principals, or add a condition such as `aws:PrincipalOrgID`; publish public images
#     through ECR Public (aws_ecrpublic_repository) instead.
#   recommended_action_cloudformation: |
#     In `RepositoryPolicyText` of the `AWS::ECR::Repository`, name the accounts or roles that need the
#     repository as principals, or add a condition such as `aws:PrincipalOrgID`.
package preflight.aws.ecr.public_repository_policy

import data.preflight.lib
import data.preflight.lib.aws.iam

deny contains lib.result(r, path, msg) if {
	some r in input.aws.ecr.repositories
	some i, stmt in r.policy.statements
	path := sprintf("policy.statements[%d]", [i])
	iam.open_to_anyone(r, path, stmt)
	msg := sprintf("ECR repository `%s` has a policy that lets any AWS account perform %s", [r.label, iam.describe_actions(stmt)])
}
