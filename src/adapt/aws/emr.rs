//! EMR clusters (which security configuration) and security configurations (their encryption
//! switches, read from the JSON document).

use super::lambda::ref_or_string;
use crate::adapt::{string, Field, Source};
use crate::model::{EmrCluster, EmrSecurityConfiguration};
use crate::terraform::value::Value;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_emr_cluster", "AWS::EMR::Cluster") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut c = EmrCluster {
            name: t.field(r, ("name", "Name"), "name", string).known(),
            security_configuration: ref_or_string(
                &mut t,
                r,
                ("security_configuration", "SecurityConfiguration"),
                "security_configuration",
            )
            .known(),
            ..EmrCluster::default()
        };
        c.meta = t.finish(src.locations());
        src.model().aws.emr.clusters.push(c);
    }
    for item in src.items(
        "aws_emr_security_configuration",
        "AWS::EMR::SecurityConfiguration",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let mut s = EmrSecurityConfiguration {
            name: t.field(r, ("name", "Name"), "name", string).known(),
            ..EmrSecurityConfiguration::default()
        };
        let attr = ("configuration", "SecurityConfiguration");
        match t.field(r, attr, "configuration", encryption_switches) {
            Field::Known((at_rest, in_transit)) => {
                for (path, v) in [
                    ("at_rest_encryption", at_rest),
                    ("in_transit_encryption", in_transit),
                ] {
                    if let Some((_, span)) = r.attr(attr) {
                        t.at(path, span);
                    }
                    if v.is_none() {
                        t.mark_unknown(path);
                        t.explain(path, vec![format!("`{path}` is not known in the document")]);
                    }
                }
                s.at_rest_encryption = at_rest;
                s.in_transit_encryption = in_transit;
            }
            Field::Unknown => {
                for path in ["at_rest_encryption", "in_transit_encryption"] {
                    t.mark_unknown(path);
                    let why = vec!["the security configuration document is not known".to_string()];
                    t.explain(path, why);
                }
            }
            Field::NotWritten => {}
        }
        s.meta = t.finish(src.locations());
        src.model().aws.emr.security_configurations.push(s);
    }
}

/// `EncryptionConfiguration.EnableAtRestEncryption` and `EnableInTransitEncryption` of a security
/// configuration document (JSON text, `jsonencode` of an object, or a template's object); `false` when
/// the document has no encryption configuration, `None` inside when a switch is unknown.
fn encryption_switches(v: &Value) -> Option<(Option<bool>, Option<bool>)> {
    let doc = match v {
        Value::String(s) => Value::from_json(&serde_json::from_str(s).ok()?),
        Value::Json(inner) => (**inner).clone(),
        Value::Object(_) => v.clone(),
        _ => return None,
    };
    let map = doc.as_object()?;
    let Some(enc) = map.get("EncryptionConfiguration") else {
        return Some((Some(false), Some(false)));
    };
    let enc = enc.as_object()?;
    let switch = |k: &str| match enc.get(k) {
        None | Some(Value::Null) => Some(false),
        Some(v) => v.as_bool(),
    };
    Some((
        switch("EnableAtRestEncryption"),
        switch("EnableInTransitEncryption"),
    ))
}

#[cfg(test)]
mod tests {
    use super::encryption_switches;
    use crate::terraform::value::Value;

    #[test]
    fn switches_from_json_text_and_objects() {
        let text = Value::str(
            r#"{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":"false"}}"#,
        );
        assert_eq!(encryption_switches(&text), Some((Some(true), Some(false))));
        let no_encryption = Value::str(r#"{"InstanceMetadataServiceConfiguration":{}}"#);
        assert_eq!(
            encryption_switches(&no_encryption),
            Some((Some(false), Some(false)))
        );
        let mut enc = std::collections::BTreeMap::new();
        enc.insert("EnableAtRestEncryption".to_string(), Value::Unknown);
        let mut doc = std::collections::BTreeMap::new();
        doc.insert("EncryptionConfiguration".to_string(), Value::Object(enc));
        assert_eq!(
            encryption_switches(&Value::Json(Box::new(Value::Object(doc)))),
            Some((None, Some(false)))
        );
        assert_eq!(encryption_switches(&Value::str("not json")), None);
    }
}
