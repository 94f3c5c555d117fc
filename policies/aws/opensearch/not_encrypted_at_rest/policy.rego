# METADATA
# title: OpenSearch domain without encryption at rest
# description: |
#   OpenSearch Service does not encrypt a domain's indices, logs, swap files and automated snapshots
#   unless encryption at rest is turned on when the domain is created. Search clusters often hold copies
#   of application data, logs with personal data and tokens; unencrypted, they are readable from the
#   storage and from snapshots without any KMS permission. High: the service leaves the data in plain
#   form by default.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
# custom:
#   id: AWS-OPENSEARCH-002
#   name: opensearch-domain-not-encrypted-at-rest
#   severity: high
#   category: encryption
#   recommended_action: |
#     Add `encrypt_at_rest { enabled = true }` to the aws_opensearch_domain / aws_elasticsearch_domain,
#     with `kms_key_id` for a customer managed key.
#   recommended_action_cloudformation: |
#     Set `EncryptionAtRestOptions` with `Enabled: true` (and `KmsKeyId`) on the domain.
#   frameworks:
#     - AWS Foundational Security Best Practices OpenSearch.1
package preflight.aws.opensearch.not_encrypted_at_rest

import data.preflight.lib

deny contains lib.result(d, "encrypt_at_rest", msg) if {
	some d in input.aws.opensearch.domains
	d.encrypt_at_rest == false
	msg := sprintf("%s domain `%s` is not encrypted at rest", [kind_name[d.kind], d.label])
}

kind_name := {"opensearch": "OpenSearch", "elasticsearch": "Elasticsearch"}
