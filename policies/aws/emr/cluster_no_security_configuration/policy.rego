# METADATA
# title: EMR cluster without a security configuration
# description: |
#   A cluster launched without a security configuration has no encryption at rest for its local disks,
#   no in-transit encryption between its nodes, and no Kerberos or Lake Formation authentication: the
#   data its jobs read is written in clear to instance storage and moved in clear between nodes.
#   Severity is medium: encryption the service does not apply by default is missing, with no
#   exposure to the internet by itself.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-security-configurations.html
# custom:
#   id: AWS-EMR-003
#   name: emr-cluster-no-security-configuration
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Create an aws_emr_security_configuration that enables encryption at rest and in transit, and set
#     `security_configuration` on the aws_emr_cluster to its name.
#   recommended_action_cloudformation: |
#     Create an `AWS::EMR::SecurityConfiguration` that enables encryption at rest and in transit, and
#     set `SecurityConfiguration` on the `AWS::EMR::Cluster` to it (`!Ref`).
package preflight.aws.emr.cluster_no_security_configuration

import data.preflight.lib

deny contains lib.result(c, "security_configuration", msg) if {
	some c in input.aws.emr.clusters
	lib.not_written(c, "security_configuration")
	msg := sprintf("EMR cluster `%s` has no security configuration, so its disks and node-to-node traffic are not encrypted", [c.label])
}
