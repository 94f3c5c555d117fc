//! KMS keys as the encryption-at-rest adapters read them: which key an attribute names, and who holds
//! it (`AWS_MANAGED` for an `alias/aws/...` key, `CUSTOMER_MANAGED` otherwise).

use crate::adapt::{Field, Fields, Name, Tracker};
use crate::terraform::value::Value;

/// A key attribute's value: the key ID, ARN or alias written, or for a reference to a resource of the
/// same configuration (`aws_kms_key.logs.arn`, `!GetAtt LogsKey.Arn`) its address, which names a key
/// of the account.
pub(super) fn key_ref(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Ref(r) => Some(format!("{}.{}", r.address, r.attr)),
        _ => None,
    }
}

/// What a key attribute said.
pub(super) enum Key {
    Given(String),
    /// Not written, `null`, or an empty string (the default key applies).
    Absent,
    Unknown,
}

/// Reads key attribute `attr` of `r` into model path `path`. An empty string is written but names no
/// key: a finding on it points at the attribute.
pub(super) fn read(t: &mut Tracker, r: &impl Fields, attr: impl Name, path: &str) -> Key {
    match t.field(r, attr, path, key_ref) {
        Field::Known(k) if k.trim().is_empty() => Key::Absent,
        Field::Known(k) => Key::Given(k),
        Field::NotWritten => Key::Absent,
        Field::Unknown => Key::Unknown,
    }
}

/// Who holds `key`: an alias under `alias/aws/` (or an alias ARN ending so) is a key AWS manages for a
/// service; anything else is a key of the account.
pub(super) fn holder(key: &str) -> &'static str {
    if key.starts_with("alias/aws/") || key.contains(":alias/aws/") {
        "AWS_MANAGED"
    } else {
        "CUSTOMER_MANAGED"
    }
}

/// For a resource whose data is always encrypted, by default with a key AWS holds: reads key attribute
/// `attr` into model path `key_type` (where findings point) and gives `(key_type, key)`. `default` is
/// who holds the key used when none is named; `key_path` is listed as unknown with `key_type`.
pub(super) fn key_type(
    t: &mut Tracker,
    r: &impl Fields,
    attr: impl Name,
    default: &str,
    key_path: &str,
) -> (Option<String>, Option<String>) {
    match read(t, r, attr, "key_type") {
        Key::Given(k) => (Some(holder(&k).to_string()), Some(k)),
        Key::Absent => (Some(default.to_string()), None),
        Key::Unknown => {
            t.mark_unknown(key_path);
            (None, None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_aliases_are_aws_managed() {
        assert_eq!(holder("alias/aws/sqs"), "AWS_MANAGED");
        assert_eq!(
            holder("arn:aws:kms:eu-west-1:111122223333:alias/aws/secretsmanager"),
            "AWS_MANAGED"
        );
        assert_eq!(holder("alias/orders-queue"), "CUSTOMER_MANAGED");
        assert_eq!(holder("aws_kms_key.logs.arn"), "CUSTOMER_MANAGED");
        assert_eq!(
            holder("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
            "CUSTOMER_MANAGED"
        );
    }

    #[test]
    fn references_name_a_key() {
        let r = Value::Ref(Box::new(crate::terraform::value::ResourceRef {
            address: "aws_kms_key.logs".into(),
            attr: "arn".into(),
        }));
        assert_eq!(key_ref(&r).as_deref(), Some("aws_kms_key.logs.arn"));
        assert_eq!(key_ref(&Value::Unknown), None);
    }
}
