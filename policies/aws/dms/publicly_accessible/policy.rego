# METADATA
# title: DMS replication instance reachable from the internet
# description: |
#   A publicly accessible replication instance gets a public IP address. It holds the credentials of
#   the source and target databases and streams their full contents, so an exposed instance widens the
#   path to both. The DMS API makes instances public unless told otherwise, which is what a
#   CloudFormation template that leaves `PubliclyAccessible` out gets; the AWS provider sends `false`.
#   High: it is the data path between two databases, placed on the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html
# custom:
#   id: AWS-DMS-001
#   name: dms-replication-instance-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `publicly_accessible = false` on the aws_dms_replication_instance (or leave it out) and place it
#     in private subnets through `replication_subnet_group_id`; reach on-premises databases through a VPN
#     or Direct Connect.
#   recommended_action_cloudformation: |
#     Set `PubliclyAccessible: false` on the `AWS::DMS::ReplicationInstance` (leaving it out makes the
#     instance public) and place it in private subnets through `ReplicationSubnetGroupIdentifier`.
#   frameworks:
#     - AWS Foundational Security Best Practices DMS.1
package preflight.aws.dms.publicly_accessible

import data.preflight.lib

deny contains lib.result(i, "publicly_accessible", msg) if {
	some i in input.aws.dms.replication_instances
	i.publicly_accessible == true
	msg := sprintf("DMS replication instance `%s` is publicly accessible from the internet", [i.label])
}
