# METADATA
# title: Resource policy shares a resource with another AWS account
# description: |
#   A resource policy (bucket, queue, topic, key, secret, repository, vault… any resource whose policy
#   the model holds) that names another account, or a role or user in it, lets that account's
#   administrators decide who uses the resource: they can hand the access to any identity they own. That
#   is often intended (a partner, a central logging account), but every such share should be one a
#   reviewer has seen. Low: the grant goes to a named account, not to the world. The scanned code
#   rarely says which account it is deployed to, so any explicit 12-digit account counts as another
#   account; a reference to the deploying account (`data.aws_caller_identity`, `AWS::AccountId`) is not
#   reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html
# custom:
#   id: AWS-IAM-009
#   name: resource-policy-cross-account
#   severity: low
#   category: sharing
#   recommended_action: |
#     Check that each account in the resource's `policy` should have the access it is given; grant to a
#     specific role ARN rather than the account root, and narrow the actions and resources.
#   recommended_action_cloudformation: |
#     Check that each account in the resource's policy document should have the access it is given;
#     grant to a specific role ARN rather than the account root, and narrow the actions and resources.
package preflight.aws.iam.resource_policy_cross_account

import data.preflight.lib
import data.preflight.lib.aws.iam

# Every entity of every AWS service whose `policy` field is a document: services added later are
# covered without a change here.
deny contains lib.result(e, path, msg) if {
	some svc, collections in input.aws
	is_object(collections)
	some coll, entities in collections
	is_array(entities)
	some e in entities
	is_object(e)
	some i, stmt in e.policy.statements
	iam.is_allow(stmt)
	accounts := sort(iam.granted_accounts(stmt))
	count(accounts) > 0
	not iam.allows_anyone(stmt)
	path := sprintf("policy.statements[%d]", [i])
	msg := sprintf(
		"%s `%s` is shared with %s %s (%s)",
		[iam.resource_noun(svc, coll), e.label, plural(accounts), lib.code_list(accounts), iam.describe_actions(stmt)],
	)
}


plural(accounts) := "account" if count(accounts) == 1

else := "accounts"
