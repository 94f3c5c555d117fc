package acme.ec2.ingress_outside_corporate_network_test

import data.acme.ec2.ingress_outside_corporate_network as policy

group(cidrs) := {"aws": {"ec2": {"security_groups": [{
	"id": "aws_security_group.web",
	"label": "web",
	"unknown": [],
	"ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": cidrs, "ipv6_cidr_blocks": []}],
	"egress": [],
}]}}}

test_internet_denied if {
	some r in policy.deny with input as group(["0.0.0.0/0"])
	r.path == "ingress[0].cidr_blocks"
}

test_partner_range_denied if {
	count(policy.deny) == 1 with input as group(["10.1.0.0/16", "203.0.113.0/24"])
}

test_corporate_ranges_allowed if {
	count(policy.deny) == 0 with input as group(["10.0.0.0/8", "10.20.0.0/16"])
}

# An unresolved range is absent from the model (and listed in `unknown`): nothing to report.
test_unknown_silent if {
	count(policy.deny) == 0 with input as group([])
}
