# METADATA
# title: OpenSearch domain accepts plain HTTP
# description: |
#   Unless the domain endpoint options require HTTPS, the domain answers plain HTTP as well, and clients
#   configured with an `http://` URL send documents, queries, results and credentials (basic auth of
#   fine-grained access control, signed request headers) in clear text. Medium: it takes a client
#   using HTTP and someone on the network path, but nothing on the domain stops either.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
# custom:
#   id: AWS-OPENSEARCH-004
#   name: opensearch-https-not-enforced
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Add `domain_endpoint_options { enforce_https = true, tls_security_policy =
#     "Policy-Min-TLS-1-2-2019-07" }` to the aws_opensearch_domain / aws_elasticsearch_domain.
#   recommended_action_cloudformation: |
#     Set `DomainEndpointOptions` with `EnforceHTTPS: true` and `TLSSecurityPolicy:
#     Policy-Min-TLS-1-2-2019-07` on the domain.
#   frameworks: []
package preflight.aws.opensearch.https_not_enforced

import data.preflight.lib

deny contains lib.result(d, "enforce_https", msg) if {
	some d in input.aws.opensearch.domains
	d.enforce_https == false
	msg := sprintf("%s domain `%s` accepts requests over plain HTTP", [kind_name[d.kind], d.label])
}

kind_name := {"opensearch": "OpenSearch", "elasticsearch": "Elasticsearch"}
