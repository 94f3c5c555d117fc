//! SQS queues: how messages are encrypted at rest, and the policy written on the queue.

use super::cmk::{self, Key};
use super::resource_policy;
use crate::adapt::{boolean, string, Field, Joiner, Source};
use crate::model::SqsQueue;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut queues: Joiner<SqsQueue> = Joiner::new();
    for item in src.items("aws_sqs_queue", "AWS::SQS::Queue") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, ("name", "QueueName"), "name", string).known();
        let key = cmk::read(
            &mut t,
            r,
            ("kms_master_key_id", "KmsMasterKeyId"),
            "kms_master_key_id",
        );
        let (encrypted, key_type, kms_master_key_id) = match key {
            Key::Given(k) => (Some(true), Some(cmk::holder(&k).to_string()), Some(k)),
            Key::Unknown => {
                t.mark_unknown("encrypted");
                t.mark_unknown("key_type");
                (None, None, None)
            }
            // Without a KMS key, SSE-SQS applies unless it is turned off: new queues get it by default
            // (AWS since October 2022; Terraform sends the flag only when it is written, and
            // CloudFormation documents the same default).
            Key::Absent => match t.field(
                r,
                ("sqs_managed_sse_enabled", "SqsManagedSseEnabled"),
                "encrypted",
                boolean,
            ) {
                Field::Known(true) | Field::NotWritten => {
                    (Some(true), Some("AWS_OWNED".to_string()), None)
                }
                Field::Known(false) => (Some(false), Some("NONE".to_string()), None),
                Field::Unknown => {
                    t.mark_unknown("key_type");
                    (None, None, None)
                }
            },
        };
        // Only Terraform writes a policy on the queue itself (CloudFormation has `AWS::SQS::QueuePolicy`).
        let policy = t.document(r, "policy", "policy").known();
        let queue = SqsQueue {
            name,
            encrypted,
            key_type,
            kms_master_key_id,
            policy,
            ..SqsQueue::default()
        };
        let name = queue.name.clone();
        queues.add(queue, t, name.as_deref());
    }
    // A queue policy resource names its queues by URL (`aws_sqs_queue.q.id`, `!Ref Queue`) or by a
    // literal URL or ARN ending in the queue's name.
    for item in src.items("aws_sqs_queue_policy", "AWS::SQS::QueuePolicy") {
        resource_policy::join(
            &mut queues,
            &item,
            ("queue_url", "Queues"),
            ("policy", "PolicyDocument"),
            &["encrypted", "key_type"],
        );
    }
    let queues = queues.finish(src.locations());
    src.model().aws.sqs.queues.extend(queues);
}
