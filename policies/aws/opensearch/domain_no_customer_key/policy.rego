# METADATA
# title: OpenSearch domain encrypted at rest without a customer managed key
# description: |
#   With encryption at rest turned on and no key named, OpenSearch Service encrypts the domain's
#   indexes, logs, swap files and automated snapshots with the AWS managed key `aws/es`. Its key policy
#   cannot be changed: every principal of the account that may use OpenSearch can use the key, no key
#   grant or key disablement can cut off access to the data, and snapshots cannot be shared with another
#   account under a key you control. A customer managed key adds a key policy as a second gate. Low,
#   because the data is encrypted at rest either way (a domain without encryption is AWS-OPENSEARCH-002).
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
# custom:
#   id: AWS-OPENSEARCH-005
#   name: opensearch-domain-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     In the domain's `encrypt_at_rest` block, set `kms_key_id` to a customer managed KMS key (not
#     `alias/aws/es`); the key can only be chosen when the domain is created.
#   recommended_action_cloudformation: |
#     In `EncryptionAtRestOptions`, set `KmsKeyId` to a customer managed KMS key (not `alias/aws/es`).
package preflight.aws.opensearch.domain_no_customer_key

import data.preflight.lib

deny contains lib.result(d, path, msg) if {
	some d in input.aws.opensearch.domains
	d.encrypt_at_rest == true
	path := aws_managed_key(d)
	msg := sprintf("OpenSearch domain `%s` is encrypted at rest with the AWS managed key aws/es, not a customer managed key", [d.label])
}

# Where the choice of the AWS managed key is written: the key attribute, or the encryption block that
# leaves it out.
aws_managed_key(d) := "encrypt_at_rest" if lib.not_written(d, "kms_key_id")

aws_managed_key(d) := "kms_key_id" if trim_space(d.kms_key_id) == ""

aws_managed_key(d) := "kms_key_id" if lower(d.kms_key_id) == "alias/aws/es"

aws_managed_key(d) := "kms_key_id" if endswith(lower(d.kms_key_id), ":alias/aws/es")
