//! Kinesis data streams: server-side encryption, off unless written.

use super::cmk::{self, Key};
use crate::adapt::res::Format;
use crate::adapt::{string, Field, Source};
use crate::model::KinesisStream;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_kinesis_stream", "AWS::Kinesis::Stream") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, ("name", "Name"), "name", string).known();
        // Terraform: `encryption_type` (`NONE` by default) and `kms_key_id` on the stream.
        // CloudFormation: a `StreamEncryption` object ({EncryptionType: KMS, KeyId}) or none.
        let settings = if r.format() == Format::CloudFormation {
            t.block(r, "StreamEncryption", "encrypted")
        } else {
            Field::Known(r.clone())
        };
        let (encrypted, key_type, kms_key_id) = match settings {
            Field::NotWritten => (Some(false), Some("NONE".to_string()), None),
            Field::Unknown => {
                t.mark_unknown("key_type");
                t.mark_unknown("kms_key_id");
                (None, None, None)
            }
            Field::Known(e) => {
                let typ = t
                    .field(
                        &e,
                        ("encryption_type", "EncryptionType"),
                        "encrypted",
                        string,
                    )
                    .or_default("NONE".to_string());
                match typ.map(|s| s.to_ascii_uppercase()).as_deref() {
                    Some("KMS") => match cmk::read(&mut t, &e, ("kms_key_id", "KeyId"), "key_type")
                    {
                        Key::Given(k) => (Some(true), Some(cmk::holder(&k).to_string()), Some(k)),
                        Key::Absent => (Some(true), None, None),
                        Key::Unknown => {
                            t.mark_unknown("kms_key_id");
                            (Some(true), None, None)
                        }
                    },
                    Some(_) => (Some(false), Some("NONE".to_string()), None),
                    None => {
                        t.mark_unknown("key_type");
                        (None, None, None)
                    }
                }
            }
        };
        let mut stream = KinesisStream {
            name,
            encrypted,
            key_type,
            kms_key_id,
            ..KinesisStream::default()
        };
        stream.meta = t.finish(src.locations());
        src.model().aws.kinesis.streams.push(stream);
    }
}
