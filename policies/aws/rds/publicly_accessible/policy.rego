# METADATA
# title: RDS instance reachable from the internet
# description: |
#   With publicly_accessible turned on, RDS gives the instance a public DNS name that resolves to a public IP
#   address. A security group rule or network ACL mistake is then all that separates the database port from
#   internet-wide password guessing and exploits of the engine. Databases are rarely meant to be reached
#   from outside the VPC; applications, bastions and VPNs inside it can reach a private endpoint.
# custom:
#   id: AWS-RDS-002
#   name: rds-publicly-accessible
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `publicly_accessible = false` on the aws_db_instance (or remove the attribute, false is the
#     default) and place it in private subnets through its `db_subnet_group_name`. Reach it from outside the
#     VPC through a VPN, AWS Client VPN, Session Manager port forwarding or a bastion host.
#   recommended_action_cloudformation: |
#     Set `PubliclyAccessible: false` and place the instance in private subnets through its
#     `DBSubnetGroupName`; reach it through a VPN, Session Manager port forwarding or a bastion.
#   frameworks:
#     - AWS Foundational Security Best Practices RDS.2
package preflight.aws.rds.publicly_accessible

import data.preflight.lib

deny contains lib.result(db, "publicly_accessible", msg) if {
	some db in input.aws.rds.instances
	db.publicly_accessible == true
	msg := sprintf("RDS instance `%s` is publicly accessible from the internet", [db.label])
}
