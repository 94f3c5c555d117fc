//! Converters from evaluated values to model values, and small vocabularies both formats share.

use crate::model::Document;
use crate::terraform::value::Value;

pub(crate) fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(_) | Value::Bool(_) => v.to_template_string(),
        _ => None,
    }
}

/// Which rules of a security group.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    /// The model field: `ingress` or `egress`.
    pub fn key(self) -> &'static str {
        match self {
            Direction::Ingress => "ingress",
            Direction::Egress => "egress",
        }
    }

    /// The CloudFormation property of a security group: `SecurityGroupIngress` or `SecurityGroupEgress`.
    pub fn property(self) -> &'static str {
        match self {
            Direction::Ingress => "SecurityGroupIngress",
            Direction::Egress => "SecurityGroupEgress",
        }
    }
}

/// Security group protocols as the model names them: `-1` for all, numbers 6/17/1/58 named.
pub(crate) fn normalize_protocol(p: &str) -> String {
    match p.to_ascii_lowercase().as_str() {
        "-1" | "all" => "-1".into(),
        "6" => "tcp".into(),
        "17" => "udp".into(),
        "1" => "icmp".into(),
        "58" => "icmpv6".into(),
        other => other.to_string(),
    }
}

pub(crate) fn boolean(v: &Value) -> Option<bool> {
    v.as_bool()
}

pub(crate) fn number(v: &Value) -> Option<f64> {
    v.as_number()
}

/// A list of strings; unknown elements are dropped (they can match nothing), an unknown list is unknown.
pub(crate) fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::List(items) => Some(items.iter().filter_map(string).collect()),
        Value::Null => Some(Vec::new()),
        _ => None,
    }
}

/// A policy document from a JSON string or a partly known `jsonencode` value, with its unknown paths.
pub(crate) fn document(v: &Value) -> Option<(Document, Vec<String>)> {
    document_json(v).map(|(d, u, _)| (d, u))
}

/// [`document`], with the JSON it was read from (unknown parts `null`).
pub(crate) fn document_json(v: &Value) -> Option<(Document, Vec<String>, serde_json::Value)> {
    let json = match v {
        Value::String(s) => serde_json::from_str(s).ok()?,
        Value::Json(inner) => lossy_json(inner),
        Value::Object(_) => lossy_json(v),
        _ => return None,
    };
    let (doc, unknown) = Document::from_json_with_unknowns(&json)?;
    Some((doc, unknown, json))
}

/// JSON with every unknown part as `null`, which document parsing drops.
fn lossy_json(v: &Value) -> serde_json::Value {
    match v {
        Value::List(items) => serde_json::Value::Array(items.iter().map(lossy_json).collect()),
        Value::Object(map) => serde_json::Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), lossy_json(v)))
                .collect(),
        ),
        Value::Json(inner) => lossy_json(inner),
        other => other.to_json().unwrap_or(serde_json::Value::Null),
    }
}
