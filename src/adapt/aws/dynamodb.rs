//! DynamoDB tables: which key encrypts them.

use crate::adapt::{boolean, string, Field, Source};
use crate::model::Table;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_dynamodb_table", "AWS::DynamoDB::Table") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, ("name", "TableName"), "name", string).known();
        // Every table is encrypted; without a server-side encryption setting, with a key AWS owns.
        let (key_type, kms_key_id) = match t.block(
            r,
            ("server_side_encryption", "SSESpecification"),
            "key_type",
        ) {
            Field::NotWritten => (Some("AWS_OWNED".to_string()), None),
            Field::Unknown => (None, None),
            Field::Known(sse) => {
                let enabled = t.field(&sse, ("enabled", "SSEEnabled"), "key_type", boolean);
                let key = t.field(
                    &sse,
                    ("kms_key_arn", "KMSMasterKeyId"),
                    "kms_key_id",
                    string,
                );
                match (enabled, key) {
                    (Field::Unknown, _) | (_, Field::Unknown) => (None, None),
                    (Field::Known(true), Field::Known(k)) => {
                        (Some("CUSTOMER_MANAGED".to_string()), Some(k))
                    }
                    (Field::Known(true), Field::NotWritten) => {
                        (Some("AWS_MANAGED".to_string()), None)
                    }
                    (_, _) => (Some("AWS_OWNED".to_string()), None),
                }
            }
        };
        let mut table = Table {
            name,
            key_type,
            kms_key_id,
            ..Table::default()
        };
        table.meta = t.finish(src.locations());
        src.model().aws.dynamodb.tables.push(table);
    }
}
