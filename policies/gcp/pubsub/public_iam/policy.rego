# METADATA
# title: Pub/Sub topic or subscription open to everyone
# description: |
#   An IAM member, binding or policy on a topic or subscription that names `allUsers` or
#   `allAuthenticatedUsers` lets anyone publish messages into your pipeline (poisoning what consumes it,
#   or running up its cost) or pull the messages of a subscription, which often carry customer events
#   and internal identifiers. Severity is high: the data or the pipeline's input is open to the
#   internet.
# related_resources:
#   - ref: https://cloud.google.com/pubsub/docs/access-control
# custom:
#   id: GCP-PUBSUB-001
#   name: pubsub-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove `allUsers` and `allAuthenticatedUsers` from the `member` / `members` (or `policy_data`) of
#     google_pubsub_topic_iam_* and google_pubsub_subscription_iam_*; grant `roles/pubsub.publisher` or
#     `roles/pubsub.subscriber` to the service accounts of the producers and consumers.
package preflight.gcp.pubsub.public_iam

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), gcp.public_message(g, b.role, who)) if {
	some g in input.gcp.iam.grants
	g.kind in {"pubsub_topic", "pubsub_subscription"}
	some i, b in g.bindings
	who := gcp.public_principals(b)
}
