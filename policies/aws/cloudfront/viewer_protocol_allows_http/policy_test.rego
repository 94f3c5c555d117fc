package preflight.aws.cloudfront.viewer_protocol_allows_http_test

import data.preflight.aws.cloudfront.viewer_protocol_allows_http as p

dist(behaviors) := {"id": "aws_cloudfront_distribution.site", "label": "site", "unknown": [], "behaviors": behaviors}

deny_for(d) := results if {
	results := p.deny with input as {"aws": {"cloudfront": {"distributions": [d]}}}
}

test_default_allow_all_denied if {
	results := deny_for(dist([{"path_pattern": "*", "viewer_protocol_policy": "allow-all"}]))
	count(results) == 1
	some r in results
	r.path == "behaviors[0].viewer_protocol_policy"
	r.message == "CloudFront distribution `site` serves every path not matched by another behavior over plain HTTP: its viewer protocol policy is `allow-all`"
}

test_ordered_allow_all_denied if {
	results := deny_for(dist([
		{"path_pattern": "*", "viewer_protocol_policy": "redirect-to-https"},
		{"path_pattern": "/api/*", "viewer_protocol_policy": "allow-all"},
	]))
	some r in results
	r.path == "behaviors[1].viewer_protocol_policy"
	contains(r.message, "serves `/api/*` over plain HTTP")
}

test_https_allowed if {
	count(deny_for(dist([
		{"path_pattern": "*", "viewer_protocol_policy": "redirect-to-https"},
		{"path_pattern": "/media/*", "viewer_protocol_policy": "https-only"},
	]))) == 0
}

# Left out: the protocol policy is required; a behavior without one is not judged.
test_left_out_silent if count(deny_for(dist([{"path_pattern": "*"}]))) == 0

test_unknown_silent if {
	d := object.union(dist([{"path_pattern": "*"}]), {"unknown": ["behaviors[0].viewer_protocol_policy"]})
	count(deny_for(d)) == 0
}
