# METADATA
# title: Redshift cluster reachable from the internet
# description: |
#   A publicly accessible Redshift cluster gets a public IP address for its endpoint, so one permissive
#   security group rule or a public route is all that stands between the warehouse port and password
#   guessing from anywhere. Warehouses hold the largest copies of business data an account has, and the
#   analysts and BI tools that query them can reach a private endpoint through a VPN or VPC peering.
#   High: the data sits behind credentials, but nothing else has to fail to expose that login.
#   The AWS provider v5 makes a cluster public when `publicly_accessible` is left out; CloudFormation
#   and the provider v6 keep it private.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html
# custom:
#   id: AWS-REDSHIFT-001
#   name: redshift-cluster-publicly-accessible
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `publicly_accessible = false` on the aws_redshift_cluster (the AWS provider v5 defaults it to
#     true) and place it in private subnets through `cluster_subnet_group_name`. Reach it through a VPN,
#     VPC peering, a Redshift-managed VPC endpoint or a bastion host.
#   recommended_action_cloudformation: |
#     Set `PubliclyAccessible: false` (or remove it) on the `AWS::Redshift::Cluster` and place it in
#     private subnets through `ClusterSubnetGroupName`.
#   frameworks:
#     - AWS Foundational Security Best Practices Redshift.1
package preflight.aws.redshift.publicly_accessible

import data.preflight.lib

deny contains lib.result(c, "publicly_accessible", msg) if {
	some c in input.aws.redshift.clusters
	c.publicly_accessible == true
	msg := sprintf("Redshift cluster `%s` is publicly accessible from the internet", [c.label])
}
