//! Manual RDS snapshots and who they are shared with. Terraform only: CloudFormation has no resource
//! type that creates a manual DB snapshot.

use crate::adapt::{strings, Source};
use crate::model::DbSnapshot;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for (kind, terraform) in [
        ("instance", "aws_db_snapshot"),
        ("cluster", "aws_db_cluster_snapshot"),
        ("copy", "aws_db_snapshot_copy"),
    ] {
        for item in src.items(terraform, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let mut snapshot = DbSnapshot {
                kind,
                shared_accounts: t
                    .field(r, "shared_accounts", "shared_accounts", strings)
                    .or_default(Vec::new()),
                ..DbSnapshot::default()
            };
            snapshot.meta = t.finish(src.locations());
            src.model().aws.rds.snapshots.push(snapshot);
        }
    }
}
