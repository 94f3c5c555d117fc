# METADATA
# title: Amazon MQ broker reachable from the internet
# description: |
#   A broker created with public accessibility gets endpoints with public addresses, outside any VPC
#   security group, so anyone on the internet can open a connection to its messaging ports and its web
#   console and try the broker users' passwords. Queues and topics carry orders, events and job payloads
#   that producers trust to stay inside the application. It is high because only a user name and a
#   password stand between the internet and every message, and public accessibility cannot be turned
#   off without replacing the broker.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html
# custom:
#   id: AWS-MQ-001
#   name: mq-broker-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `publicly_accessible = false` on the aws_mq_broker (the default), place it in private
#     `subnet_ids` with `security_groups` that admit only the clients, and reach it through the VPC or a
#     load balancer you control.
#   recommended_action_cloudformation: |
#     Set `PubliclyAccessible: false` on the `AWS::AmazonMQ::Broker`, with private `SubnetIds` and
#     `SecurityGroups` that admit only the clients.
#   frameworks:
#     - AWS Foundational Security Best Practices MQ.5
package preflight.aws.mq.broker_public

import data.preflight.lib

deny contains lib.result(b, "publicly_accessible", msg) if {
	some b in input.aws.mq.brokers
	b.publicly_accessible == true
	msg := sprintf("Amazon MQ broker `%s` has public endpoints: anyone on the internet can connect to it", [b.label])
}
