//! Amazon MQ brokers: whether their endpoints are public, and which key encrypts their storage.

use super::cmk::{self, Key};
use crate::adapt::{boolean, string, Field, Source};
use crate::model::MqBroker;

/// The engine as AWS spells it; other values are kept as written.
fn engine(v: &crate::terraform::value::Value) -> Option<String> {
    let s = string(v)?;
    Some(match s.to_ascii_lowercase().as_str() {
        "activemq" => "ActiveMQ".to_string(),
        "rabbitmq" => "RabbitMQ".to_string(),
        _ => s,
    })
}

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_mq_broker", "AWS::AmazonMQ::Broker") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(r, ("broker_name", "BrokerName"), "name", string)
            .known();
        let engine_type = t
            .field(r, ("engine_type", "EngineType"), "engine_type", engine)
            .known();
        let publicly_accessible = t
            .field(
                r,
                ("publicly_accessible", "PubliclyAccessible"),
                "publicly_accessible",
                boolean,
            )
            .or_default(false);
        // Storage is always encrypted: with a key AWS owns unless `use_aws_owned_key` is false, then
        // with `kms_key_id` or, without one, the account's `aws/mq` key.
        let (key_type, kms_key_id) =
            match t.block(r, ("encryption_options", "EncryptionOptions"), "key_type") {
                Field::NotWritten => (Some("AWS_OWNED".to_string()), None),
                Field::Unknown => {
                    t.mark_unknown("kms_key_id");
                    (None, None)
                }
                Field::Known(e) => match t.field(
                    &e,
                    ("use_aws_owned_key", "UseAwsOwnedKey"),
                    "key_type",
                    boolean,
                ) {
                    Field::Known(true) | Field::NotWritten => (Some("AWS_OWNED".to_string()), None),
                    Field::Unknown => {
                        t.mark_unknown("kms_key_id");
                        (None, None)
                    }
                    Field::Known(false) => {
                        // A finding on the key points at the key when one is written.
                        match cmk::read(&mut t, &e, ("kms_key_id", "KmsKeyId"), "key_type") {
                            Key::Given(k) => (Some(cmk::holder(&k).to_string()), Some(k)),
                            Key::Absent => (Some("AWS_MANAGED".to_string()), None),
                            Key::Unknown => {
                                t.mark_unknown("kms_key_id");
                                (None, None)
                            }
                        }
                    }
                },
            };
        let mut broker = MqBroker {
            name,
            engine_type,
            publicly_accessible,
            key_type,
            kms_key_id,
            ..MqBroker::default()
        };
        broker.meta = t.finish(src.locations());
        src.model().aws.mq.brokers.push(broker);
    }
}
