# METADATA
# title: GKE control plane endpoint reachable from the whole internet
# description: |
#   A GKE cluster without `private_cluster_config.enable_private_endpoint` has a public control plane
#   endpoint. Without a `master_authorized_networks_config` block (or with one that lists 0.0.0.0/0),
#   every address on the internet can reach the Kubernetes API server: it still asks for credentials,
#   but every API server vulnerability, leaked kubeconfig or legacy credential is then one request
#   away. Authorized networks, or a private endpoint, keep the API to the addresses that administer the
#   cluster. Severity is medium, as for AZURE-AKS-001: authentication still stands in front of it.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
# custom:
#   id: GCP-GKE-001
#   name: gke-control-plane-public
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Add a `master_authorized_networks_config` block whose `cidr_blocks` list the administrators'
#     and CI's address ranges, or set `private_cluster_config.enable_private_endpoint = true` and
#     reach the API through the VPC.
package preflight.gcp.gke.control_plane_public

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(c, "authorized_networks_enabled", msg) if {
	some c in input.gcp.gke.clusters
	c.private_endpoint == false
	c.authorized_networks_enabled == false
	msg := sprintf("GKE cluster `%s` exposes its control plane endpoint to the whole internet (no master authorized networks)", [c.label])
}

deny contains lib.result(c, sprintf("authorized_cidrs[%d]", [i]), msg) if {
	some c in input.gcp.gke.clusters
	c.private_endpoint == false
	c.authorized_networks_enabled == true
	some i, cidr in c.authorized_cidrs
	gcp.world(cidr)
	msg := sprintf("GKE cluster `%s` authorizes the whole internet (`%s`) to reach its control plane endpoint", [c.label, cidr])
}
