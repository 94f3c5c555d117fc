# METADATA
# title: EKS node group opens SSH to the whole internet
# description: |
#   A managed node group with remote access installs an EC2 key pair on its nodes. When remote access
#   names no source security groups, EKS adds a rule to the nodes' security group that admits port 22
#   from 0.0.0.0/0, so every node of the group answers SSH from anywhere: the nodes hold the kubelet
#   credentials and the node role, and one leaked or weak key is a foothold in the cluster. High, for the
#   same reason as an administration port open in a security group; it is easy to miss because the rule
#   is created by EKS, not written in the code.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html
# custom:
#   id: AWS-EKS-003
#   name: eks-node-group-ssh-open
#   severity: high
#   category: public-access
#   recommended_action: |
#     In the aws_eks_node_group's `remote_access` block, set `source_security_group_ids` to the security
#     groups of the hosts allowed to connect (a bastion, a VPN), or remove `remote_access` and reach the
#     nodes through SSM Session Manager.
#   recommended_action_cloudformation: |
#     In the `AWS::EKS::Nodegroup`'s `RemoteAccess`, set `SourceSecurityGroups` to the security groups of
#     the hosts allowed to connect, or remove `RemoteAccess` and use SSM Session Manager.
package preflight.aws.eks.node_group_ssh_open

import data.preflight.lib

deny contains lib.result(g, "remote_access.source_security_group_ids", msg) if {
	some g in input.aws.eks.node_groups
	g.remote_access == true
	is_string(g.ssh_key)
	g.source_security_group_ids == []
	msg := sprintf("EKS node group `%s` allows SSH with key pair `%s` from any address: remote access names no source security groups, so EKS opens port 22 to 0.0.0.0/0", [g.label, g.ssh_key])
}
