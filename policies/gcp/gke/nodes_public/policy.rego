# METADATA
# title: GKE cluster nodes have external IP addresses
# description: |
#   Without `private_cluster_config.enable_private_nodes = true`, every node of a GKE cluster is a VM
#   with an external IPv4 address. The nodes then answer from the internet on whatever a firewall rule
#   of the network admits (NodePort services, the kubelet's ports, SSH on the default network), now or
#   after a later change, and pods reach the internet without Cloud NAT, where egress can be logged and
#   filtered. This is the cluster form of GCP-COMPUTE-005: private nodes take their outbound access
#   from Cloud NAT and are reached through load balancers. The control plane's endpoint is judged
#   separately (GCP-GKE-001). A cluster whose node pools choose their own setting
#   (`network_config.enable_private_nodes` on a node pool of the code) is not judged. Severity is
#   medium, as for VM external IPs.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters
#   - ref: https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation
# custom:
#   id: GCP-GKE-003
#   name: gke-nodes-public
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Add a `private_cluster_config` block with `enable_private_nodes = true` (and a
#     `master_ipv4_cidr_block`) to the google_container_cluster, and give the nodes outbound access with
#     a google_compute_router_nat on their subnet.
package preflight.gcp.gke.nodes_public

import data.preflight.lib

deny contains lib.result(c, "private_nodes", msg) if {
	some c in input.gcp.gke.clusters
	c.private_nodes == false
	msg := sprintf("GKE cluster `%s` gives its nodes external IP addresses (private nodes are not enabled)", [c.label])
}
