# METADATA
# title: GKE cluster has legacy ABAC authorization enabled
# description: |
#   `enable_legacy_abac = true` turns on GKE's legacy attribute-based authorizer beside RBAC. Kubernetes
#   allows a request when any authorizer allows it, and the legacy one hands out broad permissions
#   fixed in advance to identities inside the cluster (service accounts, nodes, controllers): every
#   pod running under a service account then holds more than any Role or ClusterRole of the cluster
#   grants it, and narrowing RBAC changes nothing. A compromised pod can read secrets and change
#   workloads across namespaces. GKE has kept it off by default since version 1.8; it is only ever
#   switched on for old tooling. Severity is high: it shares cluster-wide permissions with every
#   workload.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/role-based-access-control
# custom:
#   id: GCP-GKE-002
#   name: gke-legacy-abac-enabled
#   severity: high
#   category: sharing
#   recommended_action: |
#     Remove `enable_legacy_abac` from the google_container_cluster (or set it to `false`), after
#     granting the users and service accounts that relied on it the Roles and RoleBindings they need.
package preflight.gcp.gke.legacy_abac

import data.preflight.lib

deny contains lib.result(c, "legacy_abac", msg) if {
	some c in input.gcp.gke.clusters
	c.legacy_abac == true
	msg := sprintf("GKE cluster `%s` has legacy ABAC enabled, which grants its service accounts, nodes and controllers permissions beyond their RBAC roles", [c.label])
}
