# METADATA
# title: Cloud Run service invocable by everyone
# description: |
#   Granting `roles/run.invoker` to `allUsers` turns off Cloud Run's IAM check: anyone on the internet
#   can call the service without a token (`allAuthenticatedUsers`: anyone with a Google account). That
#   is how a public website or API is published on Cloud Run, so it is often intended; but an internal
#   service, an admin backend or a webhook receiver published this way relies on its own code alone to
#   refuse strangers. Severity is medium: the finding asks the owner to confirm the service is meant to
#   be public (and to say so in a suppression), or to require authentication. A role other than invoker
#   granted to everyone (admin, developer) is reported too, and should simply be removed. A service of
#   the scanned code whose ingress is internal only (the `run.googleapis.com/ingress` annotation
#   `internal`, or v2 `ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY"`) is not reported: requests from the
#   internet never reach it, whoever may invoke it. Ingress `internal-and-cloud-load-balancing` is still
#   reported, and the message says so: an external Application Load Balancer in front of it makes it
#   public again, and whether one exists is not visible from the service. A service whose load balancer
#   checks callers with Identity-Aware Proxy is reported as well: the check sits on the load balancer's
#   backend service, not on the service, and another load balancer (or a later change) can reach the
#   service without it; granting `roles/run.invoker` to the IAP service agent instead of `allUsers`
#   keeps the check on the service itself.
# related_resources:
#   - ref: https://cloud.google.com/run/docs/authenticating/public
# custom:
#   id: GCP-CLOUDRUN-001
#   name: cloud-run-service-public
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Remove `allUsers` / `allAuthenticatedUsers` from the `member` / `members` (or `policy_data`) of
#     google_cloud_run_service_iam_* or google_cloud_run_v2_service_iam_*, and grant `roles/run.invoker`
#     to the callers' service accounts; or, when only the VPC calls the service, set the
#     `run.googleapis.com/ingress` annotation to `internal` (v2: `ingress =
#     "INGRESS_TRAFFIC_INTERNAL_ONLY"`); or keep it public behind a load balancer with Cloud Armor and
#     ingress limited to it, and record the decision with a suppression.
package preflight.gcp.cloudrun.public_invoker

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), msg) if {
	some g in input.gcp.iam.grants
	g.kind in {"cloud_run_service"}
	some i, b in g.bindings
	who := gcp.public_principals(b)

	# Internal-only ingress: the internet cannot send it requests, whoever may invoke it.
	not gcp.internal_only(g)
	msg := concat("", [gcp.public_message(g, b.role, who), gcp.ingress_note(g)])
}
