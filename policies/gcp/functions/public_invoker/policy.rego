# METADATA
# title: Cloud Function invocable by everyone
# description: |
#   Granting `roles/cloudfunctions.invoker` (or, for 2nd gen functions, any role) to `allUsers` lets
#   anyone on the internet trigger the function over HTTP without a token; `allAuthenticatedUsers` is
#   anyone with a Google account. Functions are usually glue: they run with a service account that can
#   read and write the project's data stores, and their code trusts the caller far more than a public
#   API would. Unlike a Cloud Run site, a public function is rarely the product; severity is high. A
#   function of the scanned code whose `ingress_settings` (2nd gen: `service_config.ingress_settings`)
#   is `ALLOW_INTERNAL_ONLY` is not reported: requests from the internet never reach it.
#   `ALLOW_INTERNAL_AND_GCLB` is still reported, and the message says so: an external Application Load
#   Balancer in front of it makes it public again.
# related_resources:
#   - ref: https://cloud.google.com/functions/docs/securing/managing-access-iam
# custom:
#   id: GCP-FUNCTIONS-001
#   name: cloud-function-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove `allUsers` / `allAuthenticatedUsers` from the `member` / `members` (or `policy_data`) of
#     google_cloudfunctions_function_iam_* or google_cloudfunctions2_function_iam_*; grant
#     `roles/cloudfunctions.invoker` to the callers' service accounts, and set `ingress_settings =
#     "ALLOW_INTERNAL_ONLY"` when only the VPC calls it.
package preflight.gcp.functions.public_invoker

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), msg) if {
	some g in input.gcp.iam.grants
	g.kind in {"cloudfunctions_function"}
	some i, b in g.bindings
	who := gcp.public_principals(b)

	# Internal-only ingress: the internet cannot send it requests, whoever may invoke it.
	not gcp.internal_only(g)
	msg := concat("", [gcp.public_message(g, b.role, who), gcp.ingress_note(g)])
}
