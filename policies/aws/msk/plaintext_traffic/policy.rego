# METADATA
# title: MSK cluster lets Kafka traffic travel in plaintext
# description: |
#   MSK encrypts traffic with TLS by default, both between clients and brokers and between brokers. A
#   client_broker setting of PLAINTEXT or TLS_PLAINTEXT opens a plaintext listener that clients may use,
#   and turning in-cluster encryption off sends replication traffic between brokers in the clear. Anyone
#   who can capture packets in the VPC (a compromised instance, a traffic mirror session) can then read
#   every message and the SASL/SCRAM exchanges. Medium: the traffic stays inside the VPC, but messages
#   often carry personal or business data.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
# custom:
#   id: AWS-MSK-002
#   name: msk-plaintext-traffic
#   severity: medium
#   category: encryption
#   recommended_action: |
#     In `encryption_info.encryption_in_transit` of the aws_msk_cluster, set `client_broker = "TLS"` and
#     `in_cluster = true` (both are the defaults). Move clients to the TLS bootstrap brokers
#     (`bootstrap_brokers_tls` or a SASL variant) before removing the plaintext listener.
#   recommended_action_cloudformation: |
#     In `EncryptionInfo.EncryptionInTransit` of the `AWS::MSK::Cluster`, set `ClientBroker: TLS` and
#     `InCluster: true` (both are the defaults). `InCluster` can only be set when the cluster is created.
#   frameworks:
#     - AWS Foundational Security Best Practices MSK.1
package preflight.aws.msk.plaintext_traffic

import data.preflight.lib

deny contains lib.result(c, "client_broker", msg) if {
	some c in input.aws.msk.clusters
	c.client_broker in {"PLAINTEXT", "TLS_PLAINTEXT"}
	msg := sprintf("MSK cluster `%s` accepts plaintext connections from clients (client_broker %s)", [c.label, c.client_broker])
}

deny contains lib.result(c, "in_cluster_encryption", msg) if {
	some c in input.aws.msk.clusters
	c.in_cluster_encryption == false
	msg := sprintf("MSK cluster `%s` sends traffic between its brokers unencrypted", [c.label])
}
