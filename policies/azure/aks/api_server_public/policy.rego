# METADATA
# title: AKS API server reachable from the whole internet
# description: |
#   An AKS cluster that is not private and has no authorized IP ranges (or one of 0.0.0.0/0) exposes
#   its Kubernetes API server to every address on the internet. The API server is the cluster's control
#   plane: credential stuffing, a leaked kubeconfig or a Kubernetes vulnerability can be used against it
#   from anywhere, and scanners find such endpoints quickly. Private clusters or a short list of
#   authorized ranges keep it to your networks. Medium: every request still needs cluster credentials.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges
# custom:
#   id: AZURE-AKS-001
#   name: aks-api-server-open
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Add an `api_server_access_profile` block with `authorized_ip_ranges` listing your networks
#     (`api_server_authorized_ip_ranges` before provider 4), or set `private_cluster_enabled = true`.
#   frameworks:
#     - CIS Azure Kubernetes Service Benchmark 5.4.1
package preflight.azure.aks.api_server_public

import data.preflight.lib

deny contains lib.result(c, "authorized_ip_ranges", msg) if {
	some c in input.azure.aks.clusters
	c.private_cluster_enabled == false
	count(c.authorized_ip_ranges) == 0
	msg := sprintf("AKS cluster `%s` exposes its API server to the whole internet (no authorized IP ranges)", [c.label])
}

deny contains lib.result(c, "authorized_ip_ranges", msg) if {
	some c in input.azure.aks.clusters
	c.private_cluster_enabled == false
	some r in c.authorized_ip_ranges
	r in {"0.0.0.0/0", "*"}
	msg := sprintf("AKS cluster `%s` exposes its API server to the whole internet (%s)", [c.label, r])
}
