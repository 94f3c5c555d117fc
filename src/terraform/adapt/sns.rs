//! SNS topics and their topic policies.

use super::Cx;
use crate::adapt::{string, Field, Joiner};
use crate::model::Topic;

pub(super) fn adapt(cx: &mut Cx) {
    let mut topics: Joiner<Topic> = Joiner::new();
    for item in cx.instances("aws_sns_topic") {
        let r = &item.res;
        let mut t = item.tracker();
        let key = t.field(&r, "kms_master_key_id", "kms_master_key_id", string);
        // An empty key id turns encryption off, like leaving it out.
        let encrypted = match &key {
            Field::Known(k) => Some(!k.is_empty()),
            Field::Unknown => None,
            Field::NotWritten => Some(false),
        };
        match r.attr("kms_master_key_id") {
            Some((_, span)) if encrypted.is_some() => t.at("encrypted", span),
            Some(_) => t.mark_unknown("encrypted"),
            None => t.left_out("encrypted", "kms_master_key_id"),
        }
        let topic = Topic {
            name: t.field(&r, "name", "name", string).known(),
            kms_master_key_id: key.known(),
            encrypted,
            policy: t.document(r, "policy", "policy").known(),
            ..Topic::default()
        };
        let name = topic.name.clone();
        topics.add(topic, t, name.as_deref());
    }
    for item in cx.instances("aws_sns_topic_policy") {
        let r = &item.res;
        let (topic, t) = topics.join(&item, "arn", &["encrypted"]);
        if let Some(doc) = t.document(r, "policy", "policy").known() {
            topic.policy = Some(doc);
        }
    }
    cx.model.aws.sns.topics = topics.finish(&mut cx.locations);
}
