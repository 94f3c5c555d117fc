# METADATA
# title: CloudFront distribution serves content over plain HTTP
# description: |
#   A cache behavior whose viewer protocol policy is `allow-all` answers HTTP requests as they come,
#   without redirecting them to HTTPS: pages, API responses, cookies and session tokens then cross the
#   network between the viewer and the edge unencrypted, where anyone on the path (a public Wi-Fi, a
#   compromised router) can read or change them. Medium: encryption in transit is missing, on the
#   paths the behavior covers.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
# custom:
#   id: AWS-CLOUDFRONT-001
#   name: cloudfront-viewer-protocol-allows-http
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `viewer_protocol_policy = "redirect-to-https"` (or `"https-only"`) in the
#     aws_cloudfront_distribution's `default_cache_behavior` and each `ordered_cache_behavior`.
#   recommended_action_cloudformation: |
#     Set `ViewerProtocolPolicy: redirect-to-https` (or `https-only`) in `DefaultCacheBehavior` and each
#     entry of `CacheBehaviors` of the `DistributionConfig`.
#   frameworks:
#     - AWS Foundational Security Best Practices CloudFront.3
package preflight.aws.cloudfront.viewer_protocol_allows_http

import data.preflight.lib

deny contains lib.result(d, sprintf("behaviors[%d].viewer_protocol_policy", [i]), msg) if {
	some d in input.aws.cloudfront.distributions
	some i, b in d.behaviors
	lower(b.viewer_protocol_policy) == "allow-all"
	msg := sprintf("CloudFront distribution `%s` serves %s over plain HTTP: its viewer protocol policy is `allow-all`", [d.label, which(b)])
}

which(b) := "every path not matched by another behavior" if b.path_pattern == "*"

which(b) := sprintf("`%s`", [b.path_pattern]) if b.path_pattern != "*"

which(b) := "the paths of a cache behavior" if not is_string(b.path_pattern)
