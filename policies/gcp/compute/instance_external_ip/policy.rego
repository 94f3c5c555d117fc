# METADATA
# title: Compute Engine instance or instance template has an external IP address
# description: |
#   An `access_config` block inside a `network_interface` of a google_compute_instance, or of a
#   google_compute_instance_template or google_compute_region_instance_template (then every VM a
#   managed instance group makes from it), gives the VM an external IPv4 address (an ephemeral one when the block is empty, a static one when it names
#   `nat_ip`). The VM is then reachable from the internet on every port a firewall rule of its network
#   opens, now or later, and can reach the internet without going through Cloud NAT or a proxy where
#   egress is logged and filtered. Most workloads need neither: Cloud NAT gives outbound access, a load
#   balancer or Identity-Aware Proxy gives inbound access. Severity is medium: an address alone exposes
#   nothing until a firewall rule admits traffic, but it removes the network layer that would otherwise
#   stop a mistaken rule. Instances whose interfaces a `dynamic` block over an unknown list generates are
#   not judged.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address
#   - ref: https://cloud.google.com/compute/docs/instances/connecting-advanced#sshbetweeninstances
# custom:
#   id: GCP-COMPUTE-005
#   name: compute-instance-external-ip
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Remove the `access_config` block from the `network_interface` of the google_compute_instance; give
#     the subnet's VMs outbound access with a google_compute_router_nat and reach them through a load
#     balancer or Identity-Aware Proxy TCP forwarding.
package preflight.gcp.compute.instance_external_ip

import data.preflight.lib

deny contains lib.result(vm, "external_ip", msg) if {
	some vm in input.gcp.compute.instances
	vm.external_ip == true
	msg := sprintf("VM `%s` has an external IP address", [vm.label])
}

deny contains lib.result(t, "external_ip", msg) if {
	some t in input.gcp.compute.instance_templates
	t.external_ip == true
	msg := sprintf("Instance template `%s` gives every VM made from it an external IP address", [t.label])
}
