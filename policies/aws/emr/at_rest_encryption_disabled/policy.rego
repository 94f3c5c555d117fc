# METADATA
# title: EMR security configuration without encryption at rest
# description: |
#   EMR does not encrypt a cluster's local disks (HDFS, shuffle and spill files on instance store and
#   EBS volumes) unless a security configuration enables encryption at rest. Those disks hold the data
#   the jobs process, often copied from encrypted buckets, and outlive a job on long-running clusters.
#   Severity is medium: data at rest is left unencrypted where the service does not encrypt it by
#   default, but it is not exposed to the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html
# custom:
#   id: AWS-EMR-001
#   name: emr-at-rest-encryption-disabled
#   severity: medium
#   category: encryption
#   recommended_action: |
#     In the `configuration` JSON of the aws_emr_security_configuration, set
#     `EncryptionConfiguration.EnableAtRestEncryption` to true with an `AtRestEncryptionConfiguration`
#     (`LocalDiskEncryptionConfiguration` with a KMS key, and `S3EncryptionConfiguration`).
#   recommended_action_cloudformation: |
#     In the `SecurityConfiguration` document of the `AWS::EMR::SecurityConfiguration`, set
#     `EncryptionConfiguration.EnableAtRestEncryption: true` with an `AtRestEncryptionConfiguration`.
package preflight.aws.emr.at_rest_encryption_disabled

import data.preflight.lib

deny contains lib.result(s, "at_rest_encryption", msg) if {
	some s in input.aws.emr.security_configurations
	s.at_rest_encryption == false
	msg := sprintf("EMR security configuration `%s` does not enable encryption at rest", [s.label])
}
