package preflight.aws.eks.secrets_no_customer_key_test

import data.preflight.aws.eks.secrets_no_customer_key as p

cluster(extra) := object.union({"id": "aws_eks_cluster.main", "label": "main", "unknown": [], "vpc_config": {}}, extra)

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"eks": {"clusters": [x]}}}
}

test_aws_owned_denied if {
	results := deny_for(cluster({"secrets_key_type": "AWS_OWNED"}))
	count(results) == 1
	some r in results
	r.path == "secrets_key_type"
	r.message == "EKS cluster `main` encrypts its secrets only with a key that AWS owns, not a customer managed key"
}

test_customer_key_allowed if count(deny_for(cluster({"secrets_key_type": "CUSTOMER_MANAGED"}))) == 0

test_unknown_silent if count(deny_for(cluster({"unknown": ["secrets_key_type"]}))) == 0
