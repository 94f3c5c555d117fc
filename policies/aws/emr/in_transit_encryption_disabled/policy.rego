# METADATA
# title: EMR security configuration without in-transit encryption
# description: |
#   Without in-transit encryption, the traffic between a cluster's nodes (Hadoop RPC, HDFS block
#   transfers, Spark and Tez shuffle) and to its web interfaces goes in clear inside the VPC, where
#   anyone with a foothold on the network can read the data the jobs move. Severity is low: the
#   traffic stays inside the cluster's VPC, and S3 traffic through EMRFS uses TLS either way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-encryption-enable.html
# custom:
#   id: AWS-EMR-002
#   name: emr-in-transit-encryption-disabled
#   severity: low
#   category: encryption
#   recommended_action: |
#     In the `configuration` JSON of the aws_emr_security_configuration, set
#     `EncryptionConfiguration.EnableInTransitEncryption` to true with an
#     `InTransitEncryptionConfiguration` (`TLSCertificateConfiguration`).
#   recommended_action_cloudformation: |
#     In the `SecurityConfiguration` document of the `AWS::EMR::SecurityConfiguration`, set
#     `EncryptionConfiguration.EnableInTransitEncryption: true` with an
#     `InTransitEncryptionConfiguration`.
package preflight.aws.emr.in_transit_encryption_disabled

import data.preflight.lib

deny contains lib.result(s, "in_transit_encryption", msg) if {
	some s in input.aws.emr.security_configurations
	s.in_transit_encryption == false
	msg := sprintf("EMR security configuration `%s` does not enable in-transit encryption", [s.label])
}
