# METADATA
# title: Neptune instance has a public endpoint
# description: |
#   Since engine 1.4.6, a Neptune instance with publicly_accessible turned on gets an endpoint that
#   resolves to a public address, so the graph can be queried from the internet wherever its security
#   group allows. IAM database authentication is then the only barrier left in front of the data, and the
#   endpoint is open to scanning and credential attacks from anywhere. High: the database accepts
#   connections from the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/neptune-public-endpoints.html
# custom:
#   id: AWS-NEPTUNE-002
#   name: neptune-instance-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `publicly_accessible = false` on the aws_neptune_cluster_instance (or remove it: false is the
#     default) and keep the cluster in private subnets. Reach it from outside the VPC through a VPN, a
#     bastion or Session Manager port forwarding.
#   recommended_action_cloudformation: |
#     `AWS::Neptune::DBInstance` has no public endpoint property: instances created by CloudFormation
#     stay private.
package preflight.aws.neptune.instance_public

import data.preflight.lib

deny contains lib.result(i, "publicly_accessible", msg) if {
	some i in input.aws.neptune.instances
	i.publicly_accessible == true
	msg := sprintf("Neptune instance `%s` has a public endpoint reachable from the internet", [i.label])
}
