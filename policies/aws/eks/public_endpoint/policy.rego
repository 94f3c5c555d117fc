# METADATA
# title: EKS cluster API endpoint open to the whole internet
# description: |
#   With public access on and no CIDR restriction, the cluster's Kubernetes API server answers requests
#   from any address. Every request still needs valid credentials, but the endpoint is exposed to
#   credential stuffing, leaked kubeconfigs and API server vulnerabilities from anywhere, and it is the
#   control plane of every workload in the cluster. High: the control plane is reachable by anyone on the
#   internet, though not readable without credentials.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: AWS-EKS-001
#   name: eks-public-endpoint
#   severity: high
#   category: public-access
#   recommended_action: |
#     In `vpc_config` of the aws_eks_cluster, set `endpoint_public_access = false` with
#     `endpoint_private_access = true`, or keep public access and list the networks that need it in
#     `public_access_cidrs` (it defaults to 0.0.0.0/0).
#   recommended_action_cloudformation: |
#     In `ResourcesVpcConfig` of the `AWS::EKS::Cluster`, set `EndpointPublicAccess: false` with
#     `EndpointPrivateAccess: true`, or list the allowed networks in `PublicAccessCidrs` (it defaults to
#     0.0.0.0/0).
#   frameworks:
#     - AWS Foundational Security Best Practices EKS.1
package preflight.aws.eks.public_endpoint

import data.preflight.lib

deny contains lib.result(c, "vpc_config.public_access_cidrs", msg) if {
	some c in input.aws.eks.clusters
	c.vpc_config.endpoint_public_access == true
	some cidr in c.vpc_config.public_access_cidrs
	cidr in {"0.0.0.0/0", "::/0"}
	msg := sprintf("EKS cluster `%s` exposes its Kubernetes API endpoint to the whole internet (%s)", [c.label, cidr])
}
