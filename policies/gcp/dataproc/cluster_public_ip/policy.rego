# METADATA
# title: Dataproc cluster VMs have external IP addresses
# description: |
#   A google_dataproc_cluster with `cluster_config.gce_cluster_config.internal_ip_only = false`, or one
#   left to the default on an image older than 2.2 (`software_config.image_version`), gives its master
#   and worker VMs external IPv4 addresses. Hadoop and Spark clusters run many web interfaces and RPC
#   services (YARN, HDFS, the Spark history server, Jupyter when installed) that do not ask for
#   credentials by default, so one permissive firewall rule of the network opens the cluster's data
#   and the power to run jobs on it to the internet; clusters with YARN open on the internet are a
#   common target of cryptomining. From image 2.2 on Dataproc gives internal addresses only unless told
#   otherwise, and Private Google Access reaches Google's APIs without them. This is the Dataproc form
#   of GCP-COMPUTE-005; severity is medium, as there.
# related_resources:
#   - ref: https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/network#create_a_cluster_that_uses_internal_ip_addresses_only
# custom:
#   id: GCP-DATAPROC-001
#   name: dataproc-cluster-public-ip
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Set `internal_ip_only = true` in `cluster_config.gce_cluster_config` of the google_dataproc_cluster
#     (on a subnetwork with Private Google Access), and reach the web interfaces through the Component
#     Gateway or an IAP tunnel.
package preflight.gcp.dataproc.cluster_public_ip

import data.preflight.lib

deny contains lib.result(c, "internal_ip_only", msg) if {
	some c in input.gcp.dataproc.clusters
	c.internal_ip_only == false
	msg := sprintf("Dataproc cluster `%s` gives its VMs external IP addresses", [c.label])
}
