# METADATA
# title: DynamoDB table not encrypted with a customer managed key
# description: |
#   DynamoDB always encrypts tables at rest, by default with a key that AWS owns and that never appears in
#   your account. With that key you cannot see in CloudTrail who used it, cannot disable it to cut off
#   access in an incident, and cannot restrict in a key policy which roles may read the data. Tables that
#   hold customer or partner records usually need that control. The data is not readable without AWS
#   credentials either way, which is why this is a low finding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
# custom:
#   id: AWS-DYNAMODB-001
#   name: dynamodb-table-no-customer-key
#   severity: low
#   category: encryption
#   recommended_action: |
#     Add a `server_side_encryption` block with `enabled = true` and `kms_key_arn` set to a customer
#     managed KMS key to the aws_dynamodb_table. Without `kms_key_arn`, the AWS managed key
#     `aws/dynamodb` is used, which is logged but whose key policy you cannot change.
#   recommended_action_cloudformation: |
#     Set `SSESpecification` with `SSEEnabled: true`, `SSEType: KMS` and `KMSMasterKeyId` (a customer
#     managed key) on the `AWS::DynamoDB::Table`.
#   frameworks:
#     - AWS Foundational Security Best Practices DynamoDB (encryption at rest)
package preflight.aws.dynamodb.table_no_customer_key

import data.preflight.lib

deny contains lib.result(t, "key_type", msg) if {
	some t in input.aws.dynamodb.tables
	t.key_type in {"AWS_OWNED", "AWS_MANAGED"}
	msg := sprintf("DynamoDB table `%s` is encrypted with a key %s, not a customer managed key", [t.label, owner[t.key_type]])
}

owner := {"AWS_OWNED": "that AWS owns", "AWS_MANAGED": "that AWS manages (aws/dynamodb)"}
