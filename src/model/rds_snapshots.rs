//! Manual RDS snapshots (docs/model.md, `aws.rds.snapshots`).

use super::Meta;
use serde::Serialize;

/// A manual DB snapshot, DB cluster snapshot or snapshot copy (`aws_db_snapshot`,
/// `aws_db_cluster_snapshot`, `aws_db_snapshot_copy`; CloudFormation cannot create manual snapshots).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DbSnapshot {
    #[serde(flatten)]
    pub meta: Meta,
    /// `instance`, `cluster` or `copy`.
    pub kind: &'static str,
    /// Accounts the snapshot is shared with; `all` makes it public. Default `[]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_accounts: Option<Vec<String>>,
}

entity!(DbSnapshot);
