# METADATA
# title: OpenSearch domain without node-to-node encryption
# description: |
#   Without node-to-node encryption, the nodes of a domain exchange documents, queries and replica
#   shards over plain TCP inside the VPC or AWS network. Anyone able to capture traffic there sees the
#   data, and fine-grained access control cannot be turned on without it. Medium: the traffic does not
#   leave AWS, but the data travels unencrypted on every write and every shard move.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html
# custom:
#   id: AWS-OPENSEARCH-003
#   name: opensearch-node-to-node-encryption-off
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Add `node_to_node_encryption { enabled = true }` to the aws_opensearch_domain /
#     aws_elasticsearch_domain (Elasticsearch 6.0 or later, or any OpenSearch version).
#   recommended_action_cloudformation: |
#     Set `NodeToNodeEncryptionOptions` with `Enabled: true` on the domain.
#   frameworks:
#     - AWS Foundational Security Best Practices OpenSearch.3
package preflight.aws.opensearch.node_to_node_encryption_off

import data.preflight.lib

deny contains lib.result(d, "node_to_node_encryption", msg) if {
	some d in input.aws.opensearch.domains
	d.node_to_node_encryption == false
	msg := sprintf("%s domain `%s` sends data between its nodes unencrypted", [kind_name[d.kind], d.label])
}

kind_name := {"opensearch": "OpenSearch", "elasticsearch": "Elasticsearch"}
