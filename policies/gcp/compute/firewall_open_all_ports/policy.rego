# METADATA
# title: Firewall rule opens every port to the internet
# description: |
#   An ingress firewall rule with `protocol = "all"`, or TCP or UDP with no `ports` (or 0-65535), from
#   0.0.0.0/0 or ::/0 (or from every source, by naming none) does no filtering at all: every service on
#   the targeted VMs, including ones started later for debugging, is reachable from the internet.
#   A rule that an ingress deny rule of the same network shadows for every port (evaluated first:
#   a lower or equal priority number; the same or wider targets; the whole internet as source) is not
#   reported; disabled and egress rules neither. Severity is critical, as for AWS-EC2-002.
# related_resources:
#   - ref: https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: GCP-COMPUTE-003
#   name: firewall-open-all-ports
#   severity: critical
#   category: public-access
#   recommended_action: |
#     List only the ports the VMs serve in `allow.ports` (for example `["443"]`) and narrow
#     `source_ranges`; use `target_tags` or `target_service_accounts` so the rule applies only to the
#     VMs that serve them.
package preflight.gcp.compute.firewall_open_all_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2
import data.preflight.lib.gcp

deny contains lib.result(f, sprintf("allow[%d]", [i]), msg) if {
	some f in input.gcp.compute.firewalls
	f.direction == "INGRESS"
	f.disabled == false
	some c in f.source_ranges
	gcp.world(c)
	some i, rule in f.allow
	gcp.all_ports(rule)
	not gcp.all_denied_first(input.gcp.compute.firewalls, f, rule)
	msg := sprintf("Firewall rule `%s` allows %s from %s", [f.label, gcp.all_ports_text(rule), gcp.firewall_sources(f)])
}
