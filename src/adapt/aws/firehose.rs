//! Firehose delivery streams: where records come from, and whether Firehose encrypts the records it
//! holds (server-side encryption applies only to streams fed directly, `DirectPut`).

use super::cmk::{self, Key};
use crate::adapt::res::Format;
use crate::adapt::{boolean, string, Field, Source};
use crate::model::DeliveryStream;

/// Source blocks (Terraform, CloudFormation) and the delivery stream type they mean.
const SOURCES: [(&str, &str, &str); 3] = [
    (
        "kinesis_source_configuration",
        "KinesisStreamSourceConfiguration",
        "KinesisStreamAsSource",
    ),
    (
        "msk_source_configuration",
        "MSKSourceConfiguration",
        "MSKAsSource",
    ),
    (
        "database_source_configuration",
        "DatabaseSourceConfiguration",
        "DatabaseAsSource",
    ),
];

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items(
        "aws_kinesis_firehose_delivery_stream",
        "AWS::KinesisFirehose::DeliveryStream",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let cfn = r.format() == Format::CloudFormation;
        let name = t
            .field(r, ("name", "DeliveryStreamName"), "name", string)
            .known();

        // CloudFormation says the type (`DirectPut` by default); Terraform has a source block or none.
        let mut source = if cfn && r.has("DeliveryStreamType") {
            t.field(r, "DeliveryStreamType", "source", string).known()
        } else {
            Some("DirectPut".to_string())
        };
        if source.as_deref() == Some("DirectPut") {
            for (tf, cf, kind) in SOURCES {
                match r.nested((tf, cf)) {
                    Ok(blocks) if blocks.is_empty() => {}
                    Ok(_) => {
                        source = Some(kind.to_string());
                        break;
                    }
                    Err(_) => {
                        source = None;
                        break;
                    }
                }
            }
        }
        if source.is_none() {
            t.mark_unknown("source");
        }

        // Terraform: `server_side_encryption { enabled (false), key_type (AWS_OWNED_CMK), key_arn }`.
        // CloudFormation: `DeliveryStreamEncryptionConfigurationInput { KeyType, KeyARN }` turns it on.
        let (encrypted, key_type, kms_key_arn) = match t.block(
            r,
            (
                "server_side_encryption",
                "DeliveryStreamEncryptionConfigurationInput",
            ),
            "encrypted",
        ) {
            Field::NotWritten => (Some(false), Some("NONE".to_string()), None),
            Field::Unknown => {
                t.mark_unknown("key_type");
                (None, None, None)
            }
            Field::Known(sse) => {
                let enabled = if cfn {
                    Some(true)
                } else {
                    t.field(&sse, "enabled", "encrypted", boolean)
                        .or_default(false)
                };
                match enabled {
                    None => {
                        t.mark_unknown("key_type");
                        (None, None, None)
                    }
                    Some(false) => (Some(false), Some("NONE".to_string()), None),
                    Some(true) => {
                        let typ = t
                            .field(&sse, ("key_type", "KeyType"), "key_type", string)
                            .or_default("AWS_OWNED_CMK".to_string());
                        let key = cmk::read(&mut t, &sse, ("key_arn", "KeyARN"), "kms_key_arn");
                        match (typ.as_deref(), key) {
                            (None, _) | (_, Key::Unknown) => {
                                t.mark_unknown("key_type");
                                (Some(true), None, None)
                            }
                            (Some("CUSTOMER_MANAGED_CMK"), Key::Given(k)) => {
                                (Some(true), Some("CUSTOMER_MANAGED".to_string()), Some(k))
                            }
                            (Some("CUSTOMER_MANAGED_CMK"), Key::Absent) => (Some(true), None, None),
                            (Some(_), _) => (Some(true), Some("AWS_OWNED".to_string()), None),
                        }
                    }
                }
            }
        };
        let mut stream = DeliveryStream {
            name,
            source,
            encrypted,
            key_type,
            kms_key_arn,
            ..DeliveryStream::default()
        };
        stream.meta = t.finish(src.locations());
        src.model().aws.firehose.delivery_streams.push(stream);
    }
}
