# METADATA
# title: MSK cluster brokers reachable from the internet
# description: |
#   With public access set to SERVICE_PROVIDED_EIPS, MSK gives every broker an Elastic IP address and a
#   public bootstrap endpoint. The Kafka listeners are then one security group rule away from the whole
#   internet, and the cluster's authentication (IAM, SCRAM or TLS certificates) and Kafka ACLs become the
#   only barrier in front of every topic. Producers and consumers almost always run inside the VPC or a
#   peered network and do not need it. High: the brokers accept connections from the internet, even if
#   they still ask for credentials.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html
# custom:
#   id: AWS-MSK-001
#   name: msk-public-access
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `type = "DISABLED"` in `broker_node_group_info.connectivity_info.public_access` of the
#     aws_msk_cluster (or leave the block out: DISABLED is the default). Reach the brokers from outside
#     the VPC through a VPN, VPC peering, Transit Gateway or MSK multi-VPC private connectivity.
#   recommended_action_cloudformation: |
#     Set `BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type: DISABLED` on the `AWS::MSK::Cluster`
#     (or leave `PublicAccess` out). Reach the brokers through a VPN, VPC peering or MSK multi-VPC
#     private connectivity.
#   frameworks:
#     - AWS Foundational Security Best Practices MSK.4
package preflight.aws.msk.public_access

import data.preflight.lib

deny contains lib.result(c, "public_access", msg) if {
	some c in input.aws.msk.clusters
	c.public_access == "SERVICE_PROVIDED_EIPS"
	msg := sprintf("MSK cluster `%s` gives its brokers public IP addresses reachable from the internet", [c.label])
}
