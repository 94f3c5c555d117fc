# METADATA
# title: Lambda layer version shared with every AWS account
# description: |
#   A layer version permission with principal "*" and no `organization_id` lets every AWS account
#   read the layer's content and use it in their functions. Layers often carry internal libraries,
#   configuration or bundled credentials. Low: sharing a layer publicly is sometimes the intent
#   (a published extension), and the share is read-only.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/permissions-layer-cross-account.html
# custom:
#   id: AWS-LAMBDA-005
#   name: lambda-layer-public
#   severity: low
#   category: sharing
#   recommended_action: |
#     Set `principal` of the aws_lambda_layer_version_permission to the account IDs that use the layer,
#     or keep `"*"` with `organization_id` set to your organization.
#   recommended_action_cloudformation: |
#     Set `Principal` of the `AWS::Lambda::LayerVersionPermission` to the accounts that use the layer, or
#     add `OrganizationId`.
package preflight.aws.lambda.layer_public

import data.preflight.lib

deny contains lib.result(p, "principal", msg) if {
	some p in input.aws.lambda.layer_permissions
	p.principal == "*"
	lib.not_written(p, "organization_id")
	msg := sprintf("Lambda layer permission `%s` shares layer `%s` with every AWS account", [p.label, layer(p)])
}

layer(p) := p.layer if p.layer != ""
else := p.label
