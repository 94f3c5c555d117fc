# METADATA
# title: SageMaker notebook instance with direct internet access
# description: |
#   Unless direct internet access is disabled, SageMaker gives a notebook instance a network interface
#   with a route to the internet that bypasses your VPC: its traffic escapes the VPC's security groups,
#   network ACLs, flow logs and egress proxies. A notebook runs arbitrary code with the permissions of
#   its execution role and usually holds data copied from S3, so an open path out makes exfiltration
#   and pulling untrusted packages unobserved. Both formats enable it by default. Severity is medium:
#   the instance is not reachable from the internet, but it can reach out without control.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html
# custom:
#   id: AWS-SAGEMAKER-002
#   name: sagemaker-notebook-direct-internet-access
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Set `direct_internet_access = "Disabled"` on the aws_sagemaker_notebook_instance, with `subnet_id`
#     and `security_groups` of a VPC that reaches what the notebook needs through VPC endpoints or a NAT
#     gateway you control.
#   recommended_action_cloudformation: |
#     Set `DirectInternetAccess: Disabled` on the `AWS::SageMaker::NotebookInstance`, with `SubnetId` and
#     `SecurityGroupIds` of a VPC that reaches what the notebook needs through VPC endpoints or NAT.
#   frameworks:
#     - AWS Foundational Security Best Practices SageMaker.2
package preflight.aws.sagemaker.notebook_direct_internet_access

import data.preflight.lib

deny contains lib.result(n, "direct_internet_access", msg) if {
	some n in input.aws.sagemaker.notebook_instances
	lower(n.direct_internet_access) == "enabled"
	msg := sprintf("SageMaker notebook instance `%s` has direct internet access, outside the controls of a VPC", [n.label])
}
