# METADATA
# title: API Gateway stage cache not encrypted
# description: |
#   With caching on, API Gateway keeps responses of the stage's methods on its cache cluster for their
#   time to live; response bodies often hold customer records, tokens or other data the backend
#   protects. API Gateway does not encrypt that cache unless `cache_data_encrypted` is set. Only
#   method settings that turn caching on, on a stage with a cache cluster, are reported. Severity is
#   medium: encryption at rest is missing, the cache is not reachable from outside.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
# custom:
#   id: AWS-APIGATEWAY-002
#   name: api-gateway-cache-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     In the `settings` block of the aws_api_gateway_method_settings that sets `caching_enabled = true`,
#     set `cache_data_encrypted = true`.
#   recommended_action_cloudformation: |
#     In each `MethodSettings` entry of the `AWS::ApiGateway::Stage` (or the deployment's
#     `StageDescription`) with `CachingEnabled: true`, set `CacheDataEncrypted: true`.
#   frameworks:
#     - AWS Foundational Security Best Practices APIGateway.5
package preflight.aws.apigateway.cache_not_encrypted

import data.preflight.lib

deny contains lib.result(s, sprintf("method_settings[%d].cache_data_encrypted", [i]), msg) if {
	some s in input.aws.apigateway.stages
	s.cache_cluster_enabled == true
	some i, setting in s.method_settings
	setting.caching_enabled == true
	setting.cache_data_encrypted == false
	msg := sprintf("API Gateway stage `%s` caches responses%s without encrypting the cache", [s.label, methods(setting)])
}

# `orders/{id}/GET` (the model's method path) is shown as `GET /orders/{id}`.
methods(setting) := sprintf(" of `%s /%s`", [method, path]) if {
	setting.method_path != "*/*"
	parts := split(setting.method_path, "/")
	method := parts[count(parts) - 1]
	path := concat("/", array.slice(parts, 0, count(parts) - 1))
} else := ""
