package preflight.aws.backup.vault_no_customer_key_test

import data.preflight.aws.backup.vault_no_customer_key as p

vault(extra) := object.union({"id": "aws_backup_vault.daily", "label": "daily", "unknown": []}, extra)

deny_for(v) := results if {
	results := p.deny with input as {"aws": {"backup": {"vaults": [v]}}}
}

test_aws_managed_key_denied if {
	results := deny_for(vault({"key_type": "AWS_MANAGED"}))
	count(results) == 1
	some r in results
	r.path == "key_type"
	r.message == "Backup vault `daily` is encrypted with the AWS managed key aws/backup, not a customer managed key"
}

test_customer_key_allowed if {
	count(deny_for(vault({"key_type": "CUSTOMER_MANAGED", "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0
}

test_unknown_silent if count(deny_for(vault({"unknown": ["key_type", "kms_key_arn"]}))) == 0
