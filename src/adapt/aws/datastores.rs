//! Helpers the data store adapters share (MSK, Neptune, DocumentDB, DAX, RDS snapshots): nested blocks
//! reached through a chain of names, KMS key arguments, and attributes whose value is inherited from a
//! source the code does not show.

use crate::adapt::{Field, Name, Res, Tracker};
use crate::terraform::value::Value;

/// The block reached from `r` through `chain` (each a `(terraform, cloudformation)` name), read for
/// model path `path`: `NotWritten` when a block on the way is left out, `Unknown` when one cannot be
/// told. Reading a chain once per model path records each path's location and unknowns apart. In a
/// template the path is located at the innermost property's key (in HCL, at the block header).
pub(super) fn nested<'r, 'a>(
    t: &mut Tracker,
    r: &Res<'r, 'a>,
    chain: &[(&str, &str)],
    path: &str,
) -> Field<Res<'r, 'a>> {
    let mut cur = r.clone();
    for name in chain {
        match t.block(&cur, *name, path) {
            Field::Known(b) => {
                // A template's property object is located at its key, as attributes are.
                if let Some((_, span)) = cur.attr(*name) {
                    t.at(path, span);
                }
                cur = b;
            }
            Field::NotWritten => return Field::NotWritten,
            Field::Unknown => return Field::Unknown,
        }
    }
    Field::Known(cur)
}

/// What a KMS key argument names.
#[derive(Debug, PartialEq)]
pub(super) enum KmsKey {
    /// A key of the account: its id or ARN when known, `None` for a reference to a key resource
    /// (`aws_kms_key.x.arn`, `!GetAtt Key.Arn`), which exists but whose ARN is known after apply.
    Customer(Option<String>),
    /// An AWS managed key named by its alias (`alias/aws/kafka`), or an empty string (no key).
    AwsManaged,
}

/// Converter for KMS key arguments (see [`KmsKey`]); `None` (unknown) for anything else.
pub(super) fn kms_key(v: &Value) -> Option<KmsKey> {
    match v {
        Value::String(s) if s.is_empty() => Some(KmsKey::AwsManaged),
        Value::String(s) if s.starts_with("alias/aws/") || s.contains(":alias/aws/") => {
            Some(KmsKey::AwsManaged)
        }
        Value::String(s) => Some(KmsKey::Customer(Some(s.clone()))),
        Value::Ref(_) => Some(KmsKey::Customer(None)),
        _ => None,
    }
}

/// The first source attribute (of `attrs`) or nested block (of `blocks`) that `r` writes among those
/// that make a database inherit its encryption: a snapshot to restore, a replication source, a global
/// cluster, a point-in-time restore. `null` and empty strings count as not written.
pub(super) fn inherited_from(
    r: &Res<'_, '_>,
    attrs: &[(&str, &str)],
    blocks: &[(&str, &str)],
) -> Option<String> {
    let written = |a: &(&str, &str)| match r.attr(*a) {
        Some((Value::Null, _)) => false,
        Some((Value::String(s), _)) => !s.is_empty(),
        Some(_) => true,
        None => false,
    };
    let name = |a: &(&str, &str)| a.pick(r.format()).to_string();
    attrs.iter().find(|a| written(a)).map(name).or_else(|| {
        blocks
            .iter()
            .find(|b| r.blocks(**b).next().is_some())
            .map(name)
    })
}

/// Storage encryption of a database cluster: the written value; when not written, `false` unless the
/// cluster inherits it (`inherits`) or names a KMS key without saying (the API then either encrypts
/// or refuses), both unknown with the reason.
pub(super) fn storage_encrypted(
    t: &mut Tracker,
    r: &Res<'_, '_>,
    attr: (&str, &str),
    inherits: Option<String>,
    key_written: bool,
) -> Option<bool> {
    match t.field(r, attr, "storage_encrypted", crate::adapt::boolean) {
        Field::Known(b) => Some(b),
        Field::Unknown => None,
        Field::NotWritten => {
            let why = match (inherits, key_written) {
                (Some(a), _) => format!("the cluster inherits its encryption from `{a}`"),
                (None, true) => format!(
                    "`{}` is not written but a KMS key is given",
                    attr.pick(r.format())
                ),
                (None, false) => return Some(false),
            };
            t.mark_unknown("storage_encrypted");
            t.explain("storage_encrypted", vec![why]);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terraform::value::ResourceRef;

    #[test]
    fn kms_key_arguments() {
        let s = |x: &str| kms_key(&Value::str(x));
        assert_eq!(s("alias/aws/kafka"), Some(KmsKey::AwsManaged));
        assert_eq!(
            s("arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"),
            Some(KmsKey::AwsManaged)
        );
        assert_eq!(
            s("arn:aws:kms:eu-west-1:111122223333:key/1"),
            Some(KmsKey::Customer(Some(
                "arn:aws:kms:eu-west-1:111122223333:key/1".into()
            )))
        );
        assert_eq!(s(""), Some(KmsKey::AwsManaged));
        let r = Value::Ref(Box::new(ResourceRef {
            address: "aws_kms_key.kafka".into(),
            attr: "arn".into(),
        }));
        assert_eq!(kms_key(&r), Some(KmsKey::Customer(None)));
        assert_eq!(kms_key(&Value::Unknown), None);
    }
}
