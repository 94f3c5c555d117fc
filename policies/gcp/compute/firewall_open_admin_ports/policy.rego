# METADATA
# title: Firewall rule opens remote administration ports to the internet
# description: |
#   An ingress firewall rule that admits SSH (22), Telnet (23), RDP (3389) or WinRM (5985, 5986) from
#   0.0.0.0/0 or ::/0 exposes every VM it targets to password guessing and to exploits of the login
#   service, from the whole internet and within minutes of the address going live. A rule that names no
#   source range, tag or service account applies to every IPv4 source, which is why the default is
#   reported too. Disabled rules and egress rules are not reported, nor a port that an ingress deny rule
#   of the same network refuses first (a lower or equal priority number, the same or wider targets,
#   the whole internet as source), as Google evaluates them. Rules that admit every port are GCP-
#   COMPUTE-003. Severity is high.
# related_resources:
#   - ref: https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: GCP-COMPUTE-001
#   name: firewall-open-admin-ports
#   severity: high
#   category: public-access
#   recommended_action: |
#     Narrow `source_ranges` to the administrators' addresses or to `35.235.240.0/20` (Identity-Aware
#     Proxy TCP forwarding) and reach the VMs through IAP or a bastion; or remove the port from
#     `allow.ports`.
package preflight.gcp.compute.firewall_open_admin_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2
import data.preflight.lib.gcp

deny contains lib.result(f, sprintf("allow[%d]", [first]), msg) if {
	some f in input.gcp.compute.firewalls
	f.direction == "INGRESS"
	f.disabled == false
	some c in f.source_ranges
	gcp.world(c)
	some block in {r.block | some r in f.allow}
	entries := [i | some i, r in f.allow; r.block == block]
	first := min(entries)
	exposed := [e | some i in entries; rule := f.allow[i]; not gcp.all_ports(rule); some e in gcp.exposed(input.gcp.compute.firewalls, f, rule, ec2.admin_ports)]
	count(exposed) > 0
	msg := sprintf("Firewall rule `%s` allows %s from %s", [f.label, ec2.shortened(exposed, 5), gcp.firewall_sources(f)])
}
