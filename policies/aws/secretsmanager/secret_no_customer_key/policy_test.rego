package preflight.aws.secretsmanager.secret_no_customer_key_test

import data.preflight.aws.secretsmanager.secret_no_customer_key as p

secret(extra) := object.union({"id": "aws_secretsmanager_secret.db", "label": "db", "unknown": []}, extra)

deny_for(s) := results if {
	results := p.deny with input as {"aws": {"secretsmanager": {"secrets": [s]}}}
}

test_aws_managed_key_denied if {
	results := deny_for(secret({"key_type": "AWS_MANAGED"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
	r.message == "Secrets Manager secret `db` is encrypted with the AWS managed key aws/secretsmanager, not a customer managed key"
}

test_customer_key_allowed if {
	count(deny_for(secret({"key_type": "CUSTOMER_MANAGED", "kms_key_id": "alias/payments-secrets"}))) == 0
}

test_unknown_silent if count(deny_for(secret({"unknown": ["key_type", "kms_key_id"]}))) == 0
