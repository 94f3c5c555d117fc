# Policy-document semantics (IAM identity and trust policies, resource policies of every service) over the
# Statement shape of docs/model.md: which actions a statement grants (wildcards matched, `NotAction`
# honoured, a `Deny` in the same document cancelling), to whom (principals in every form), on what, and
# whether a condition narrows the grant. Rules use it for their verdict and their message.
package preflight.lib.aws.iam

import data.preflight.lib

# ---------------------------------------------------------------------------------------------------
# Sensitive actions per service, by what they let the caller do:
#   read         read or list the data the service stores
#   write        change or delete that data
#   permissions  change who may access it (policies, grants, ACLs)
#   admin        administer the service or its identities (create users, keys, delete stores)
# The table holds real action names; a statement's patterns (`s3:Get*`, `*Object`, `s3:*`) are matched
# against them, so a grant is judged by what it covers, not by how it is spelled.
sensitive_actions := {
	"s3": {
		"read": ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:ListBucketVersions"],
		"write": ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion"],
		"permissions": ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl", "s3:PutObjectAcl", "s3:PutBucketPublicAccessBlock"],
		"admin": ["s3:DeleteBucket", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration"],
	},
	"iam": {
		"read": ["iam:GetAccountAuthorizationDetails", "iam:GetRolePolicy", "iam:GetUserPolicy"],
		"write": ["iam:UpdateAssumeRolePolicy", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile"],
		"permissions": ["iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:AddUserToGroup", "iam:PassRole"],
		"admin": ["iam:CreateUser", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteUser"],
	},
	"kms": {
		"read": ["kms:Decrypt", "kms:ReEncryptFrom", "kms:GenerateDataKey"],
		"write": ["kms:Encrypt", "kms:ReEncryptTo"],
		"permissions": ["kms:PutKeyPolicy", "kms:CreateGrant"],
		"admin": ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:ImportKeyMaterial"],
	},
	"secretsmanager": {
		"read": ["secretsmanager:GetSecretValue"],
		"write": ["secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret", "secretsmanager:DeleteSecret"],
		"permissions": ["secretsmanager:PutResourcePolicy", "secretsmanager:DeleteResourcePolicy"],
		"admin": ["secretsmanager:CreateSecret", "secretsmanager:RotateSecret"],
	},
	"ssm": {
		"read": ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
		"write": ["ssm:PutParameter", "ssm:DeleteParameter"],
		"permissions": ["ssm:ModifyDocumentPermission"],
		"admin": ["ssm:SendCommand", "ssm:StartSession"],
	},
	"dynamodb": {
		"read": ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:ExportTableToPointInTime"],
		"write": ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"],
		"permissions": ["dynamodb:PutResourcePolicy"],
		"admin": ["dynamodb:DeleteTable", "dynamodb:UpdateTable"],
	},
	"sqs": {
		"read": ["sqs:ReceiveMessage"],
		"write": ["sqs:SendMessage", "sqs:DeleteMessage", "sqs:PurgeQueue"],
		"permissions": ["sqs:SetQueueAttributes", "sqs:AddPermission"],
		"admin": ["sqs:DeleteQueue"],
	},
	"sns": {
		"read": ["sns:Subscribe"],
		"write": ["sns:Publish"],
		"permissions": ["sns:SetTopicAttributes", "sns:AddPermission"],
		"admin": ["sns:DeleteTopic"],
	},
	"kinesis": {
		"read": ["kinesis:GetRecords", "kinesis:GetShardIterator"],
		"write": ["kinesis:PutRecord", "kinesis:PutRecords"],
		"permissions": ["kinesis:PutResourcePolicy"],
		"admin": ["kinesis:DeleteStream"],
	},
	"ecr": {
		"read": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
		"write": ["ecr:PutImage", "ecr:BatchDeleteImage", "ecr:UploadLayerPart"],
		"permissions": ["ecr:SetRepositoryPolicy"],
		"admin": ["ecr:DeleteRepository"],
	},
	"lambda": {
		"read": ["lambda:GetFunction"],
		"write": ["lambda:UpdateFunctionCode", "lambda:InvokeFunction"],
		"permissions": ["lambda:AddPermission"],
		"admin": ["lambda:CreateFunction", "lambda:DeleteFunction"],
	},
	"rds": {
		"read": ["rds-data:ExecuteStatement"],
		"write": ["rds:RestoreDBInstanceFromDBSnapshot"],
		"permissions": ["rds:ModifyDBSnapshotAttribute"],
		"admin": ["rds:DeleteDBInstance", "rds:ModifyDBInstance"],
	},
	"elasticfilesystem": {
		"read": ["elasticfilesystem:ClientMount"],
		"write": ["elasticfilesystem:ClientWrite"],
		"permissions": ["elasticfilesystem:PutFileSystemPolicy"],
		"admin": ["elasticfilesystem:ClientRootAccess", "elasticfilesystem:DeleteFileSystem"],
	},
	"glacier": {
		"read": ["glacier:InitiateJob", "glacier:GetJobOutput"],
		"write": ["glacier:UploadArchive", "glacier:DeleteArchive"],
		"permissions": ["glacier:SetVaultAccessPolicy"],
		"admin": ["glacier:DeleteVault"],
	},
	"backup": {
		"read": ["backup:StartRestoreJob", "backup:CopyFromBackupVault"],
		"write": ["backup:DeleteRecoveryPoint"],
		"permissions": ["backup:PutBackupVaultAccessPolicy"],
		"admin": ["backup:DeleteBackupVault"],
	},
	"es": {
		"read": ["es:ESHttpGet", "es:ESHttpPost"],
		"write": ["es:ESHttpPut", "es:ESHttpDelete"],
		"permissions": ["es:UpdateDomainConfig"],
		"admin": ["es:DeleteDomain"],
	},
	"sts": {
		"read": [],
		"write": [],
		"permissions": [],
		"admin": ["sts:AssumeRole"],
	},
}

# Services whose whole action set (`iam:*`) on every resource is as good as owning their data or the
# account's identities.
sensitive_services := {"iam", "s3", "kms", "secretsmanager", "sts"}

# Services whose read actions on every resource reach stored data (log reading is left out: reading
# logs on `*` is what log shippers and Lambda roles routinely do, and logs are not the data store;
# pulling images from ECR on `*` is what every container host does).
data_services := {"s3", "dynamodb", "secretsmanager", "ssm", "kms", "sqs", "kinesis", "glacier", "backup", "es", "rds", "elasticfilesystem"}

# ---------------------------------------------------------------------------------------------------
# Action patterns. IAM matches action names case-insensitively; `*` is any run of characters, `?` one.
# (Written without regular expressions, which the embedded engine is built without.)
action_matches(pattern, action) if glob_match(lower(pattern), lower(action))

# `*` splits the pattern into literal parts: the first starts the name, the last ends it, the ones
# between appear in it. A `?` stands for one character.
glob_match(p, s) if {
	not contains(p, "*")
	not contains(p, "?")
	p == s
}

glob_match(p, s) if {
	not contains(p, "*")
	contains(p, "?")
	count(p) == count(s)
	every i, c in split(p, "") {
		char_fits(c, split(s, "")[i])
	}
}

glob_match(p, s) if {
	contains(p, "*")
	parts := split(replace(p, "?", "*"), "*")
	first := parts[0]
	last := parts[count(parts) - 1]
	startswith(s, first)
	endswith(s, last)
	count(s) >= count(first) + count(last)
	every part in array.slice(parts, 1, count(parts) - 1) {
		contains(substring(s, count(first), (count(s) - count(first)) - count(last)), part)
	}
}

char_fits(c, _) if c == "?"

char_fits(c, d) if c == d

# Whether the statement's Action (or NotAction) covers `action`, whatever its Effect.
covers_action(stmt, action) if {
	some pattern in stmt.actions
	action_matches(pattern, action)
}

covers_action(stmt, action) if {
	count(object.get(stmt, "not_actions", [])) > 0
	not excluded_action(stmt, action)
}

# Whether some action of service `svc` can be covered by the statement: one of its Action patterns
# names the service (or no service: `*`), or it has a NotAction. A cheap test that lets a rule skip the
# services a statement does not touch before matching each of their actions. Action names have one
# colon, so a pattern's part before its colon is matched against the service alone.
may_touch(stmt, _) if count(object.get(stmt, "not_actions", [])) > 0

may_touch(stmt, svc) if {
	some pattern in object.get(stmt, "actions", [])
	service_pattern_matches(lower(pattern), svc)
}

service_pattern_matches(p, _) if not contains(p, ":")

service_pattern_matches(p, svc) if glob_match(split(p, ":")[0], svc)

excluded_action(stmt, action) if {
	some pattern in stmt.not_actions
	action_matches(pattern, action)
}

# Every action of every service: `*`, `*:*`, or a NotAction that only leaves a few out is handled by
# `allows_admin` below.
wildcard_action(a) if a == "*"

wildcard_action(a) if a == "*:*"

is_allow(stmt) if stmt.effect == "Allow"

allows_all_actions(stmt) if {
	is_allow(stmt)
	some a in stmt.actions
	wildcard_action(a)
}

# A NotAction allow that excludes no IAM or S3 administration: as good as `*`.
allows_all_actions(stmt) if {
	is_allow(stmt)
	count(object.get(stmt, "not_actions", [])) > 0
	covers_action(stmt, "iam:CreateUser")
	covers_action(stmt, "iam:AttachRolePolicy")
	covers_action(stmt, "s3:GetObject")
	covers_action(stmt, "ec2:RunInstances")
}

# The statement's resources are every resource: `*`, or a NotResource (everything but a few).
allows_all_resources(stmt) if {
	some r in stmt.resources
	r == "*"
}

allows_all_resources(stmt) if count(object.get(stmt, "not_resources", [])) > 0

# A Deny in `doc` without conditions that covers `action` on every resource (or on one of the
# resources `stmt` grants): the Allow is cancelled for that action.
denied(doc, stmt, action) if {
	some d in doc.statements
	d.effect == "Deny"
	count(object.get(d, "conditions", [])) == 0
	covers_action(d, action)
	deny_covers_resources(d, stmt)
}

deny_covers_resources(d, _) if {
	some r in d.resources
	r == "*"
}

deny_covers_resources(d, stmt) if {
	some r in d.resources
	some s in stmt.resources
	action_matches(r, s)
}

# `stmt` (of document `doc`) allows `action`, and no Deny of the same document cancels it.
grants(doc, stmt, action) if {
	is_allow(stmt)
	covers_action(stmt, action)
	not denied(doc, stmt, action)
}

# The sensitive actions of class `cls` (read, write, permissions, admin) the statement grants.
granted(doc, stmt, cls) := {a |
	some svc, classes in sensitive_actions
	may_touch(stmt, svc)
	some a in classes[cls]
	grants(doc, stmt, a)
}

# Every sensitive action of service `svc` is granted: a service-wide wildcard, however written.
grants_whole_service(doc, stmt, svc) if {
	may_touch(stmt, svc)
	classes := sensitive_actions[svc]
	all := {a | some cls, actions in classes; some a in actions}
	count(all) > 0
	every a in all {
		grants(doc, stmt, a)
	}
}

# ---------------------------------------------------------------------------------------------------
# Principals: `{"type": "*"|"AWS"|"Service"|"Federated"|"CanonicalUser", "value": ...}`.

# Principals that stand for anyone: `*`, or an AWS principal `*` (any account, including anonymous).
public_principal(p) if p.type == "*"

public_principal(p) if {
	p.type == "AWS"
	p.value == "*"
}

# The 12-digit account an AWS principal belongs to: the ID itself, or the account field of an ARN
# (`arn:aws:iam::123456789012:root`, `...:role/x`, `...:user/x`, `arn:aws:sts::123...:assumed-role/...`).
principal_account(p) := p.value if {
	p.type == "AWS"
	account_id(p.value)
}

principal_account(p) := parts[4] if {
	p.type == "AWS"
	parts := split(p.value, ":")
	count(parts) >= 6
	parts[0] == "arn"
	account_id(parts[4])
}

# The principal is a whole account (its ID or its root ARN), not one role or user in it.
account_root(p) if {
	p.type == "AWS"
	account_id(p.value)
}

account_root(p) if {
	p.type == "AWS"
	parts := split(p.value, ":")
	count(parts) == 6
	parts[0] == "arn"
	startswith(parts[1], "aws")
	parts[2] == "iam"
	account_id(parts[4])
	parts[5] == "root"
}

# Twelve digits: an AWS account ID.
account_id(s) if {
	is_string(s)
	count(s) == 12
	every c in split(s, "") {
		indexof("0123456789", c) >= 0
	}
}

service_principal(p) if p.type == "Service"

federated_principal(p) if p.type == "Federated"

# The statement grants to everyone (Principal "*" or {"AWS": "*"}, or an Allow with NotPrincipal).
allows_anyone(stmt) if {
	is_allow(stmt)
	some p in stmt.principals
	public_principal(p)
}

allows_anyone(stmt) if {
	is_allow(stmt)
	count(object.get(stmt, "not_principals", [])) > 0
}

# The named accounts (12-digit IDs) an Allow statement grants to.
granted_accounts(stmt) := {a |
	is_allow(stmt)
	some p in stmt.principals
	a := principal_account(p)
}

# ---------------------------------------------------------------------------------------------------
# Conditions.

# Condition keys that pin a statement to known callers, networks or accounts; a statement with one of them
# on a positive operator is not open to the whole internet.
narrowing_keys := {
	"aws:sourcearn",
	"aws:sourceaccount",
	"aws:sourceowner",
	"aws:sourcevpc",
	"aws:sourcevpce",
	"aws:sourceip",
	"aws:principalorgid",
	"aws:principalorgpaths",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:userid",
	"aws:username",
	"aws:resourceorgid",
	"aws:sourceorgid",
	"aws:sourceorgpaths",
	"aws:calledvia",
	"aws:viaawsservice",
	"s3:dataaccesspointaccount",
	"s3:dataaccesspointarn",
	"sns:endpoint",
	"kms:calleraccount",
	"lambda:functionarn",
}

# Keys that narrow who may assume a role from another account: the external ID shared with the
# partner (the confused-deputy guard) and MFA.
trust_narrowing_keys := narrowing_keys | {"sts:externalid", "aws:multifactorauthpresent"}

# Operators whose match narrows the callers. Negated operators (StringNotEquals, NotIpAddress…) and
# IfExists variants let requests without the key through, and `Null` only tests presence.
narrowing_operator(op) if {
	not contains(op, "Not")
	not endswith(op, "IfExists")
	not startswith(op, "Null")
}

narrowing_condition(c) if {
	narrowing_keys[c.key]
	narrowing_value(c)
}

narrowing_value(c) if {
	narrowing_operator(c.operator)
	count(c.values) > 0
	not wildcard_only(c.values)
	not any_address(c)
	not mfa_false(c)
}

trust_narrowing_condition(c) if {
	trust_narrowing_keys[c.key]
	narrowing_value(c)
}

# A source IP condition that admits every address (`0.0.0.0/0`, `::/0`) narrows nothing.
any_address(c) if {
	c.key == "aws:sourceip"
	some v in c.values
	v in {"0.0.0.0/0", "::/0"}
}

# MFA narrows only when required: `"aws:MultiFactorAuthPresent": "true"`.
mfa_false(c) if {
	c.key == "aws:multifactorauthpresent"
	some v in c.values
	lower(v) != "true"
}

wildcard_only(values) if {
	every v in values {
		v == "*"
	}
}

has_narrowing_condition(stmt) if {
	some c in stmt.conditions
	narrowing_condition(c)
}

has_trust_narrowing_condition(stmt) if {
	some c in stmt.conditions
	trust_narrowing_condition(c)
}

# Statement `stmt`, found at `path` inside `entity` (e.g. `policy.statements[2]`), is open to anyone: it
# allows a public principal, no condition narrows it, and none of its conditions is unresolved (an unknown
# condition value might be the one that narrows it, so the statement stays silent).
open_to_anyone(entity, path, stmt) if {
	allows_anyone(stmt)
	not has_narrowing_condition(stmt)
	not may_be_narrowed(entity, path, stmt)
}

# A condition that could narrow the statement has a value that is unknown (or the conditions themselves
# are): whether the statement is open cannot be decided. An unknown value under a key that narrows
# nothing (`aws:SecureTransport`) does not count.
may_be_narrowed(entity, path, stmt) if {
	some j, c in stmt.conditions
	narrowing_keys[c.key]
	lib.unknown_under(entity, sprintf("%s.conditions[%d]", [path, j]))
}

may_be_narrowed(entity, path, _) if lib.is_unknown(entity, concat("", [path, ".conditions"]))

# The same for a trust, where an external ID or MFA narrows as well.
trust_may_be_narrowed(entity, path, stmt) if {
	some j, c in stmt.conditions
	trust_narrowing_keys[c.key]
	lib.unknown_under(entity, sprintf("%s.conditions[%d]", [path, j]))
}

trust_may_be_narrowed(entity, path, _) if lib.is_unknown(entity, concat("", [path, ".conditions"]))

# Some principal of the statement is unknown: who it grants to cannot be decided.
principals_unknown(entity, path) if lib.unknown_under(entity, concat("", [path, ".principals"]))

principals_unknown(entity, path) if lib.unknown_under(entity, concat("", [path, ".not_principals"]))

# ---------------------------------------------------------------------------------------------------
# Who can do it: one verdict per statement, for every rule's message.
#   "everyone"          a public principal and no condition that pins callers
#   "any AWS account"   a public principal whose conditions only require a signed-in caller
#                       (MFA, an external ID, a principal type), or a role trust (assuming a role
#                       always needs AWS credentials)
#   "cross-account"     named accounts (`accounts` lists them)
#   "this account"      nothing above: services, federated identities, or the account's own principals
authenticated_only_keys := {"aws:principaltype", "aws:multifactorauthpresent", "sts:externalid", "aws:securetransport", "aws:principalisawsservice"}

authenticated_only(stmt) if {
	some c in stmt.conditions
	authenticated_only_keys[c.key]
	narrowing_operator(c.operator)
}

assumes_role(stmt) if {
	some a in stmt.actions
	startswith(lower(a), "sts:assumerole")
}

who(stmt) := {"verdict": "any AWS account", "accounts": []} if {
	allows_anyone(stmt)
	not has_narrowing_condition(stmt)
	any_account_only(stmt)
} else := {"verdict": "everyone", "accounts": []} if {
	allows_anyone(stmt)
	not has_narrowing_condition(stmt)
} else := {"verdict": "cross-account", "accounts": sort(granted_accounts(stmt))} if {
	count(granted_accounts(stmt)) > 0
} else := {"verdict": "this account", "accounts": []}

any_account_only(stmt) if authenticated_only(stmt)

any_account_only(stmt) if assumes_role(stmt)

# The verdict in words: "anyone", "any AWS account", "account `111122223333`", "this account".
describe_who(stmt) := "anyone" if {
	who(stmt).verdict == "everyone"
} else := "any AWS account" if {
	who(stmt).verdict == "any AWS account"
} else := sprintf("account %s", [lib.code_list(who(stmt).accounts)]) if {
	count(who(stmt).accounts) == 1
} else := sprintf("accounts %s", [lib.code_list(who(stmt).accounts)]) if {
	who(stmt).verdict == "cross-account"
} else := "this account"

# ---------------------------------------------------------------------------------------------------
# Per-principal policy variables: a resource written with one gives each caller its own slice.
per_principal_variables := ["aws:principaltag/", "aws:userid}", "aws:username}", "saml:sub}", "aws:principalaccount}", "aws:federatedprovider}", "cognito-identity.amazonaws.com:sub}", "aws:sourceidentity}"]

per_principal(resource) if {
	some v in per_principal_variables
	some opener in ["${", "&{"]
	contains(lower(resource), concat("", [opener, v]))
}

# What the statement's actions cover, for messages: "every action", "`s3:GetObject`, `s3:PutObject`",
# "every action except `iam:*`", or a fallback when the actions could not be resolved.
describe_actions(stmt) := "every action" if {
	some a in stmt.actions
	wildcard_action(a)
} else := lib.code_list(stmt.actions) if {
	count(stmt.actions) > 0
} else := sprintf("every action except %s", [lib.code_list(stmt.not_actions)]) if {
	count(stmt.not_actions) > 0
} else := "actions that could not be resolved"

# ---------------------------------------------------------------------------------------------------
# Identity policies (`aws.iam.policies`) for messages: "IAM policy `ops`", "Inline role policy `app/x`".
identity_policy_kinds := {
	"managed": "IAM policy",
	"role_inline": "Inline role policy",
	"user_inline": "Inline user policy",
	"group_inline": "Inline group policy",
}

identity_policy_name(p) := sprintf("%s `%s`", [object.get(identity_policy_kinds, object.get(p, "kind", ""), "IAM policy"), p.label])

# An Allow statement of an identity policy that grants every action on every resource.
full_admin(doc, stmt) if {
	allows_all_actions(stmt)
	allows_all_resources(stmt)
	not denied(doc, stmt, "iam:CreateUser")
}

# Resource entities with a `policy` document, by collection, for messages ("SQS queue `jobs`").
resource_nouns := {
	"s3.buckets": "S3 bucket",
	"s3.access_points": "S3 access point",
	"sns.topics": "SNS topic",
	"sqs.queues": "SQS queue",
	"kms.keys": "KMS key",
	"secretsmanager.secrets": "Secret",
	"ecr.repositories": "ECR repository",
	"efs.file_systems": "EFS file system",
	"glacier.vaults": "Glacier vault",
	"backup.vaults": "Backup vault",
	"opensearch.domains": "OpenSearch domain",
	"apigateway.rest_apis": "REST API",
	"lambda.permissions": "Lambda permission",
	"cloudwatch.log_destinations": "CloudWatch Logs destination",
	"cloudwatch.log_resource_policies": "CloudWatch Logs resource policy",
	"eventbridge.buses": "Event bus",
	"ses.identity_policies": "SES identity policy",
}

resource_noun(svc, coll) := object.get(resource_nouns, sprintf("%s.%s", [svc, coll]), "Resource")
