# METADATA
# title: DAX cluster endpoint not encrypted with TLS
# description: |
#   A DAX cluster endpoint serves clients without encryption unless TLS is chosen when the cluster is
#   created. Every read and write through the cache, with the table items it carries, then crosses the
#   network in the clear, readable by anyone able to capture traffic in the VPC. Medium: the traffic
#   stays inside the VPC, but it carries the table data.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html
# custom:
#   id: AWS-DAX-002
#   name: dax-endpoint-not-tls
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `cluster_endpoint_encryption_type = "TLS"` on the aws_dax_cluster. The setting forces a new
#     cluster; clients then connect with the `daxs://` scheme.
#   recommended_action_cloudformation: |
#     Set `ClusterEndpointEncryptionType: TLS` on the `AWS::DAX::Cluster`. Changing it replaces the
#     cluster.
#   frameworks:
#     - AWS Foundational Security Best Practices DynamoDB.7
package preflight.aws.dax.endpoint_not_tls

import data.preflight.lib

deny contains lib.result(c, "endpoint_encryption", msg) if {
	some c in input.aws.dax.clusters
	c.endpoint_encryption == "NONE"
	msg := sprintf("DAX cluster `%s` serves clients over an unencrypted endpoint", [c.label])
}
