package preflight.aws.opensearch.public_domain_test

import data.preflight.aws.opensearch.public_domain as p

open_stmt := {
	"effect": "Allow",
	"actions": ["es:*"],
	"resources": ["arn:aws:es:eu-west-1:111122223333:domain/search/*"],
	"principals": [{"type": "AWS", "value": "*"}],
	"conditions": [],
}

domain(stmts, extra) := object.union(
	{
		"id": "aws_opensearch_domain.search",
		"label": "search",
		"unknown": [],
		"kind": "opensearch",
		"in_vpc": false,
		"fine_grained_access_control": false,
		"anonymous_auth_enabled": false,
		"policy": {"statements": stmts},
	},
	extra,
)

deny_for(d) := results if {
	results := p.deny with input as {"aws": {"opensearch": {"domains": [d]}}}
}

test_open_policy_denied if {
	results := deny_for(domain([open_stmt], {}))
	count(results) == 1
	some r in results
	r.path == "policy.statements[0]"
	r.message == "OpenSearch domain `search` has a public endpoint and an access policy that lets anyone perform `es:*`"
}

test_elasticsearch_named if {
	some r in deny_for(domain([open_stmt], {"kind": "elasticsearch"}))
	startswith(r.message, "Elasticsearch domain `search`")
}

test_vpc_domain_allowed if count(deny_for(domain([open_stmt], {"in_vpc": true}))) == 0

test_source_ip_condition_allowed if {
	c := {"operator": "IpAddress", "key": "aws:sourceip", "values": ["203.0.113.0/24"]}
	count(deny_for(domain([object.union(open_stmt, {"conditions": [c]})], {}))) == 0
}

# A source IP condition that admits every address narrows nothing.
test_any_address_condition_denied if {
	c := {"operator": "IpAddress", "key": "aws:sourceip", "values": ["0.0.0.0/0"]}
	count(deny_for(domain([object.union(open_stmt, {"conditions": [c]})], {}))) == 1
}

test_account_principal_allowed if {
	s := object.union(open_stmt, {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]})
	count(deny_for(domain([s], {}))) == 0
}

test_fine_grained_access_control_allowed if {
	count(deny_for(domain([open_stmt], {"fine_grained_access_control": true}))) == 0
}

test_anonymous_auth_denied if {
	count(deny_for(domain([open_stmt], {"fine_grained_access_control": true, "anonymous_auth_enabled": true}))) == 1
}

# Left out: no access policy means no one outside the account's IAM is let in.
test_no_policy_allowed if count(deny_for(json.remove(domain([], {}), ["policy"]))) == 0

test_unknown_vpc_silent if {
	d := json.remove(domain([open_stmt], {"unknown": ["in_vpc"]}), ["in_vpc"])
	count(deny_for(d)) == 0
}

test_unknown_access_control_silent if {
	d := json.remove(domain([open_stmt], {"unknown": ["fine_grained_access_control", "anonymous_auth_enabled"]}), ["fine_grained_access_control", "anonymous_auth_enabled"])
	count(deny_for(d)) == 0
}

test_unknown_condition_silent if {
	c := {"operator": "IpAddress", "key": "aws:sourceip", "values": []}
	s := object.union(open_stmt, {"conditions": [c]})
	count(deny_for(domain([s], {"unknown": ["policy.statements[0].conditions[0].values"]}))) == 0
}
