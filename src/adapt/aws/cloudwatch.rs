//! CloudWatch Logs log groups: the key their events are encrypted with (CloudWatch Logs' own unless a KMS key is named);
//! log destinations and who may subscribe to them; the account's log resource policies.

use super::{cmk, resource_policy};
use crate::adapt::{string, Joiner, Source};
use crate::model::{LogDestination, LogGroup, LogResourcePolicy};

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

/// Log destinations (`aws_cloudwatch_log_destination` with its `aws_cloudwatch_log_destination_policy`,
/// `AWS::Logs::Destination` with `DestinationPolicy`).
pub(super) fn destinations<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut destinations: Joiner<LogDestination> = Joiner::new();
    for item in src.items("aws_cloudwatch_log_destination", "AWS::Logs::Destination") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(r, ("name", "DestinationName"), "name", string)
            .known();
        let policy = t.document(r, "DestinationPolicy", "policy").known();
        let destination = LogDestination {
            name: name.clone(),
            policy,
            ..LogDestination::default()
        };
        destinations.add(destination, t, name.as_deref());
    }
    for item in src.items("aws_cloudwatch_log_destination_policy", "") {
        resource_policy::join(
            &mut destinations,
            &item,
            "destination_name",
            "access_policy",
            &[],
        );
    }
    let destinations = destinations.finish(src.locations());
    src.model()
        .aws
        .cloudwatch
        .log_destinations
        .extend(destinations);
}

/// Account-wide log resource policies (`aws_cloudwatch_log_resource_policy`, `AWS::Logs::ResourcePolicy`,
/// whose `PolicyDocument` is JSON text).
pub(super) fn resource_policies<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items(
        "aws_cloudwatch_log_resource_policy",
        "AWS::Logs::ResourcePolicy",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let mut p = LogResourcePolicy {
            name: t
                .field(r, ("policy_name", "PolicyName"), "name", string)
                .known(),
            policy: t
                .document(r, ("policy_document", "PolicyDocument"), "policy")
                .known(),
            ..LogResourcePolicy::default()
        };
        p.meta = t.finish(src.locations());
        src.model().aws.cloudwatch.log_resource_policies.push(p);
    }
}
