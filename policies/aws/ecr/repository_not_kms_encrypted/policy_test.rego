package preflight.aws.ecr.repository_not_kms_encrypted_test

import data.preflight.aws.ecr.repository_not_kms_encrypted as p

repo(extra) := object.union({"id": "aws_ecr_repository.api", "label": "api", "unknown": []}, extra)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"ecr": {"repositories": [x]}}}
}

test_aes256_denied if {
	results := deny_for(repo({"encryption_type": "AES256"}))
	count(results) == 1
	some r in results
	r.path == "encryption_type"
	r.message == "ECR repository `api` is encrypted with AES256 keys that AWS manages, not with KMS"
}

test_kms_allowed if count(deny_for(repo({"encryption_type": "KMS", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0

test_unknown_silent if count(deny_for(repo({"unknown": ["encryption_type"]}))) == 0
