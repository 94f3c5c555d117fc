# METADATA
# title: RDS snapshot shared with every AWS account
# description: |
#   A manual DB snapshot or DB cluster snapshot whose shared accounts include `all` is public: any AWS
#   account can copy it and restore it into a database of its own, with every table, user and password
#   hash it holds. Nothing is logged in your account when that happens. Critical: the whole database is
#   readable by anyone with an AWS account.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html
# custom:
#   id: AWS-RDS-003
#   name: rds-snapshot-public
#   severity: critical
#   category: public-access
#   recommended_action: |
#     Remove `all` from `shared_accounts` of the aws_db_snapshot, aws_db_cluster_snapshot or
#     aws_db_snapshot_copy and list the account IDs that need the snapshot instead. Encrypt snapshots with
#     a customer managed KMS key: encrypted snapshots cannot be made public.
#   recommended_action_cloudformation: |
#     CloudFormation cannot create manual RDS snapshots; check the sharing of snapshots made elsewhere.
#   frameworks:
#     - AWS Foundational Security Best Practices RDS.1
package preflight.aws.rds.snapshot_public

import data.preflight.lib

deny contains lib.result(s, "shared_accounts", msg) if {
	some s in input.aws.rds.snapshots
	some account in s.shared_accounts
	lower(account) == "all"
	msg := sprintf("RDS %s `%s` is shared with every AWS account", [kind[s.kind], s.label])
}

kind := {"instance": "DB snapshot", "cluster": "DB cluster snapshot", "copy": "snapshot copy"}
