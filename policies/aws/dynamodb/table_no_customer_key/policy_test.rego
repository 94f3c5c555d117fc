package preflight.aws.dynamodb.table_no_customer_key_test

import data.preflight.aws.dynamodb.table_no_customer_key as p

table(extra) := object.union({"id": "aws_dynamodb_table.orders", "label": "orders", "unknown": []}, extra)

deny_for(t) := results if {
	results := p.deny with input as {"aws": {"dynamodb": {"tables": [t]}}}
}

test_aws_owned_key_denied if {
	results := deny_for(table({"key_type": "AWS_OWNED"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
	r.message == "DynamoDB table `orders` is encrypted with a key that AWS owns, not a customer managed key"
}

test_aws_managed_key_denied if count(deny_for(table({"key_type": "AWS_MANAGED"}))) == 1

test_customer_key_allowed if {
	count(deny_for(table({"key_type": "CUSTOMER_MANAGED", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0
}

test_unknown_silent if count(deny_for(table({"unknown": ["key_type"]}))) == 0
