# METADATA
# title: SageMaker notebook instance with direct internet access
# description: |
#   A notebook instance with direct internet access has a network interface that reaches, and is
#   reachable through, SageMaker's own internet path, outside the VPC's security groups, flow logs and
#   egress controls: code in the notebook can send the training data it reads anywhere. The provider
#   and CloudFormation both enable it when it is not set. preflight's model has no SageMaker entity,
#   so this rule reads the raw resources. Medium: the instance is not open to anyone by itself, but
#   it bypasses every network control around data that is usually sensitive.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html
# custom:
#   id: ACME-SM-001
#   name: notebook-direct-internet-access
#   severity: medium
#   category: public-access
#   input: raw
#   recommended_action: Set `direct_internet_access = "Disabled"` and a `subnet_id` in a VPC with controlled egress.
#   recommended_action_cloudformation: Set DirectInternetAccess to Disabled and SubnetId to a subnet with controlled egress.
package acme.sagemaker.notebook_direct_internet

import data.preflight.lib

# The attribute per resource type; both default to `Enabled`.
setting := {
	"aws_sagemaker_notebook_instance": "direct_internet_access",
	"AWS::SageMaker::NotebookInstance": "DirectInternetAccess",
}

deny contains lib.result(r, key, msg) if {
	some r in input.resources
	key := setting[r.type]
	lower(r.attributes[key]) == "enabled"
	msg := sprintf("SageMaker notebook instance `%s` has direct internet access", [r.address])
}

deny contains lib.result(r, key, msg) if {
	some r in input.resources
	key := setting[r.type]
	not lib.has_key(r.attributes, key)
	not lib.unknown_under(r, key)
	msg := sprintf("SageMaker notebook instance `%s` has direct internet access (the default)", [r.address])
}
