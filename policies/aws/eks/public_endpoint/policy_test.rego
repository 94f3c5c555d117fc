package preflight.aws.eks.public_endpoint_test

import data.preflight.aws.eks.public_endpoint as p

cluster(vpc) := {"id": "aws_eks_cluster.main", "label": "main", "unknown": [], "vpc_config": vpc}

deny_for(x) := results if {
	results := p.deny with input as {"aws": {"eks": {"clusters": [x]}}}
}

test_open_endpoint_denied if {
	results := deny_for(cluster({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]}))
	count(results) == 1
	some r in results
	r.path == "vpc_config.public_access_cidrs"
	r.message == "EKS cluster `main` exposes its Kubernetes API endpoint to the whole internet (0.0.0.0/0)"
}

test_private_endpoint_allowed if {
	count(deny_for(cluster({"endpoint_public_access": false, "public_access_cidrs": ["0.0.0.0/0"]}))) == 0
}

test_restricted_cidrs_allowed if {
	count(deny_for(cluster({"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}))) == 0
}

test_unknown_silent if {
	x := object.union(cluster({"public_access_cidrs": ["0.0.0.0/0"]}), {"unknown": ["vpc_config.endpoint_public_access"]})
	count(deny_for(x)) == 0
}
