# METADATA
# title: IAM policy reads data of every resource of a service
# description: |
#   A statement that allows a data-reading action (`s3:GetObject`, `dynamodb:Scan`,
#   `secretsmanager:GetSecretValue`, `ssm:GetParameter`, `kms:Decrypt`, `sqs:ReceiveMessage`…, matched
#   through wildcards such as `s3:Get*`) on Resource "*" reads every store of that kind in the account,
#   including those created later for other teams. Low: the grant stays inside the account and is often
#   a shortcut rather than a leak, but it is easy to restrict to the ARNs the identity reads. Reading
#   CloudWatch Logs on "*" is deliberately not flagged: log shippers and Lambda roles routinely need
#   it, and `logs:*` on "*" for a function's role is common and low-risk. Whole-service wildcards
#   (`s3:*`) are AWS-IAM-003 and full access is AWS-IAM-001.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
# custom:
#   id: AWS-IAM-004
#   name: iam-read-all-data
#   severity: low
#   category: sharing
#   recommended_action: |
#     In the `policy` document (or `resources` of the `aws_iam_policy_document` statement), replace
#     `"*"` with the ARNs of the buckets, tables, secrets or keys the identity reads.
#   recommended_action_cloudformation: |
#     In the `PolicyDocument`, replace `Resource: "*"` with the ARNs the identity reads (`!GetAtt` or
#     `!Sub` of the buckets, tables, secrets or keys).
package preflight.aws.iam.read_all_data

import data.preflight.lib
import data.preflight.lib.aws.iam

deny contains lib.result(p, sprintf("document.statements[%d]", [i]), msg) if {
	some p in input.aws.iam.policies
	some i, stmt in p.document.statements
	iam.is_allow(stmt)
	iam.allows_all_resources(stmt)
	not iam.full_admin(p.document, stmt)
	reads := sort({a |
		some svc in iam.data_services
		iam.may_touch(stmt, svc)
		not whole_sensitive_service(p.document, stmt, svc)
		some a in iam.sensitive_actions[svc].read
		iam.grants(p.document, stmt, a)
	})
	count(reads) > 0
	msg := sprintf("%s allows reading data on every resource: %s", [iam.identity_policy_name(p), lib.code_list(reads)])
}

# Reported by AWS-IAM-003.
whole_sensitive_service(doc, stmt, svc) if {
	svc in iam.sensitive_services
	iam.grants_whole_service(doc, stmt, svc)
}
