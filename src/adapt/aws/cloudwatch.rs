//! CloudWatch Logs log groups: the key their events are encrypted with (CloudWatch Logs' own unless a KMS key is named).

use super::cmk;
use crate::adapt::{string, Source};
use crate::model::LogGroup;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_cloudwatch_log_group", "AWS::Logs::LogGroup") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, ("name", "LogGroupName"), "name", string).known();
        let (key_type, kms_key_id) = cmk::key_type(
            &mut t,
            r,
            ("kms_key_id", "KmsKeyId"),
            "AWS_OWNED",
            "kms_key_id",
        );
        let mut group = LogGroup {
            name,
            key_type,
            kms_key_id,
            ..LogGroup::default()
        };
        group.meta = t.finish(src.locations());
        src.model().aws.cloudwatch.log_groups.push(group);
    }
}
