package preflight.aws.dms.endpoint_ssl_disabled_test

import data.preflight.aws.dms.endpoint_ssl_disabled as p

endpoint(extra) := object.union({"id": "aws_dms_endpoint.source", "label": "source", "unknown": []}, extra)

deny_for(e) := results if {
	results := p.deny with input as {"aws": {"dms": {"endpoints": [e]}}}
}

test_no_tls_denied if {
	results := deny_for(endpoint({"engine_name": "postgres", "ssl_mode": "none"}))
	count(results) == 1
	some r in results
	r.path == "ssl_mode"
	r.message == "DMS endpoint `source` connects to its postgres database without TLS"
}

test_tls_allowed if count(deny_for(endpoint({"engine_name": "mysql", "ssl_mode": "verify-full"}))) == 0

test_require_allowed if count(deny_for(endpoint({"engine_name": "oracle", "ssl_mode": "require"}))) == 0

# S3 and other API-based endpoints have no SSL mode to set.
test_s3_endpoint_not_judged if count(deny_for(endpoint({"engine_name": "s3", "ssl_mode": "none"}))) == 0

test_unknown_mode_silent if count(deny_for(endpoint({"engine_name": "postgres", "unknown": ["ssl_mode"]}))) == 0

test_unknown_engine_silent if count(deny_for(endpoint({"ssl_mode": "none", "unknown": ["engine_name"]}))) == 0
