# METADATA
# title: OpenSearch domain open to anyone on the internet
# description: |
#   A domain outside a VPC has an endpoint on the internet, and an access policy statement that allows
#   Principal "*" without a condition pinning callers to an address range, account or organization lets
#   unsigned requests through. Without fine-grained access control asking for credentials, anyone who
#   finds the endpoint can read every index, write or delete documents, and take snapshots; scanners
#   find such domains within hours. Critical: the data is readable and writable with no credential at
#   all. Domains in a VPC, and domains where fine-grained access control requires a login, are not
#   reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html
# custom:
#   id: AWS-OPENSEARCH-001
#   name: opensearch-domain-public
#   severity: critical
#   category: public-access
#   recommended_action: |
#     Place the domain in a VPC with a `vpc_options` block, or narrow the statement in `access_policies`
#     (of the domain or its aws_opensearch_domain_policy / aws_elasticsearch_domain_policy) to IAM
#     principals of the account or to an `IpAddress` condition on `aws:SourceIp`. Alternatively turn on
#     fine-grained access control with `advanced_security_options { enabled = true }`.
#   recommended_action_cloudformation: |
#     Add `VPCOptions` with subnets and security groups, or narrow the `AccessPolicies` statement to
#     account principals or an `aws:SourceIp` condition; or enable `AdvancedSecurityOptions`.
#   frameworks:
#     - AWS Foundational Security Best Practices OpenSearch.2
package preflight.aws.opensearch.public_domain

import data.preflight.lib
import data.preflight.lib.aws.iam

deny contains lib.result(d, path, msg) if {
	some d in input.aws.opensearch.domains
	d.in_vpc == false
	no_login_required(d)
	some i, stmt in d.policy.statements
	path := sprintf("policy.statements[%d]", [i])
	iam.open_to_anyone(d, path, stmt)
	msg := sprintf("%s domain `%s` has a public endpoint and an access policy that lets anyone perform %s", [kind_name[d.kind], d.label, iam.describe_actions(stmt)])
}

# Fine-grained access control asks every request for credentials unless anonymous access is on.
no_login_required(d) if d.fine_grained_access_control == false

no_login_required(d) if d.anonymous_auth_enabled == true

kind_name := {"opensearch": "OpenSearch", "elasticsearch": "Elasticsearch"}
