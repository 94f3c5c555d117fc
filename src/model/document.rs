//! Policy documents (IAM, S3 bucket, SNS topic policies) as normalized statements.
//!
//! Parsed from JSON, where `null` stands for a value an adapter could not resolve: it is dropped, so an
//! unknown part never matches anything.

use crate::json_spans::SpanTree;
use crate::source::Span;
use serde::Serialize;
use serde_json::Value as Json;

#[derive(Debug, Default, Clone, Serialize, schemars::JsonSchema)]
pub struct Document {
    pub statements: Vec<Statement>,
}

#[derive(Debug, Default, Clone, Serialize, schemars::JsonSchema)]
pub struct Statement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<String>,
    pub actions: Vec<String>,
    pub not_actions: Vec<String>,
    pub resources: Vec<String>,
    pub not_resources: Vec<String>,
    pub principals: Vec<Principal>,
    pub not_principals: Vec<Principal>,
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Principal {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Condition {
    pub operator: String,
    /// Lower-cased: IAM condition keys are case-insensitive.
    pub key: String,
    pub values: Vec<String>,
}

impl Document {
    /// Reads a policy document; `None` when it is not an object with statements.
    pub fn from_json(json: &Json) -> Option<Document> {
        Document::from_json_with_unknowns(json).map(|(d, _)| d)
    }

    /// Reads a policy document and lists the paths (`statements[0].conditions`) where an unknown
    /// (`null`) part was dropped, so that policies can stay silent about them.
    pub fn from_json_with_unknowns(json: &Json) -> Option<(Document, Vec<String>)> {
        let items: Vec<&Json> = match json.get("Statement")? {
            Json::Array(items) => items.iter().collect(),
            one @ Json::Object(_) => vec![one],
            Json::Null => return Some((Document::default(), vec!["statements".into()])),
            _ => return None,
        };
        let mut unknown = Vec::new();
        let mut statements = Vec::new();
        for item in items {
            let prefix = format!("statements[{}]", statements.len());
            match statement(item) {
                Some(s) => {
                    let Json::Object(obj) = item else { continue };
                    for (key, field) in FIELDS {
                        if key == "Condition" {
                            continue;
                        }
                        if obj.get(key).is_some_and(has_null) {
                            unknown.push(format!("{prefix}.{field}"));
                        }
                    }
                    unknown.extend(
                        unknown_conditions(obj.get("Condition"))
                            .into_iter()
                            .map(|u| format!("{prefix}.{u}")),
                    );
                    statements.push(s);
                }
                None if item.is_null() => unknown.push("statements".into()),
                None => {}
            }
        }
        Some((Document { statements }, unknown))
    }

    pub fn parse_str(text: &str) -> Option<Document> {
        serde_json::from_str::<Json>(text)
            .ok()
            .and_then(|j| Document::from_json(&j))
    }
}

/// Where each part of a document is written: the model paths relative to the document
/// (`statements[2]`, `statements[2].principals`, `statements[2].actions[0]`,
/// `statements[2].conditions[1]`) with the span `tree` gives them. `json` is the document as read
/// (the statement numbering follows [`Document::from_json_with_unknowns`]); parts whose shape the
/// tree does not write out (a statement list from a variable) are left to the enclosing span.
pub fn part_spans(json: &Json, tree: &SpanTree) -> Vec<(String, Span, Option<Span>)> {
    let mut out = Vec::new();
    let used_at = tree.used_at.clone();
    let Some(st) = tree.member("Statement") else {
        return out;
    };
    out.push(("statements".to_string(), st.span.clone(), used_at.clone()));
    let items: Vec<(&Json, &SpanTree)> = match (json.get("Statement"), &st.value) {
        (Some(Json::Array(items)), t) => match t.items() {
            Some(ts) if ts.len() == items.len() => items.iter().zip(ts).collect(),
            _ => return out,
        },
        (Some(one @ Json::Object(_)), t) => vec![(one, t)],
        _ => return out,
    };
    let mut k = 0;
    for (item, t) in items {
        let Json::Object(obj) = item else { continue };
        let prefix = format!("statements[{k}]");
        k += 1;
        let used = t.used_at.clone().or_else(|| used_at.clone());
        out.push((prefix.clone(), t.span.clone(), used.clone()));
        for (key, field) in FIELDS {
            let Some(m) = t.member(key) else { continue };
            let path = format!("{prefix}.{field}");
            out.push((path.clone(), m.span.clone(), used.clone()));
            match (key, obj.get(key)) {
                ("Condition", Some(Json::Object(ops))) => {
                    let mut j = 0;
                    for (op, keys) in ops {
                        let Some(keys) = keys.as_object() else {
                            continue;
                        };
                        for name in keys.keys() {
                            if let Some(c) = m.value.member(op).and_then(|o| o.value.member(name)) {
                                out.push((format!("{path}[{j}]"), c.span.clone(), used.clone()));
                            }
                            j += 1;
                        }
                    }
                }
                ("Action" | "NotAction" | "Resource" | "NotResource", Some(Json::Array(vals))) => {
                    let Some(ts) = m.value.items().filter(|ts| ts.len() == vals.len()) else {
                        continue;
                    };
                    // Numbered as `strings` keeps them: scalars only.
                    let mut n = 0;
                    for (v, vt) in vals.iter().zip(ts) {
                        if scalar(v).is_some() {
                            out.push((format!("{path}[{n}]"), vt.span.clone(), used.clone()));
                            n += 1;
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Document keys and the model fields they fill.
const FIELDS: [(&str, &str); 9] = [
    ("Sid", "sid"),
    ("Effect", "effect"),
    ("Action", "actions"),
    ("NotAction", "not_actions"),
    ("Resource", "resources"),
    ("NotResource", "not_resources"),
    ("Principal", "principals"),
    ("NotPrincipal", "not_principals"),
    ("Condition", "conditions"),
];

/// Whether `json` holds a `null` anywhere (with a stack of its own: the value may be deep).
fn has_null(json: &Json) -> bool {
    let mut stack = vec![json];
    while let Some(v) = stack.pop() {
        match v {
            Json::Null => return true,
            Json::Array(items) => stack.extend(items),
            Json::Object(map) => stack.extend(map.values()),
            _ => {}
        }
    }
    false
}

fn statement(json: &Json) -> Option<Statement> {
    let obj = json.as_object()?;
    Some(Statement {
        sid: obj.get("Sid").and_then(scalar),
        effect: obj.get("Effect").and_then(scalar),
        actions: strings(obj.get("Action")),
        not_actions: strings(obj.get("NotAction")),
        resources: strings(obj.get("Resource")),
        not_resources: strings(obj.get("NotResource")),
        principals: principals(obj.get("Principal")),
        not_principals: principals(obj.get("NotPrincipal")),
        conditions: conditions(obj.get("Condition")),
    })
}

fn scalar(json: &Json) -> Option<String> {
    match json {
        Json::String(s) => Some(s.clone()),
        Json::Bool(b) => Some(b.to_string()),
        Json::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string or a list of strings; nulls (unknowns) dropped.
fn strings(json: Option<&Json>) -> Vec<String> {
    match json {
        Some(Json::Array(items)) => items.iter().filter_map(scalar).collect(),
        Some(other) => scalar(other).into_iter().collect(),
        None => Vec::new(),
    }
}

fn principals(json: Option<&Json>) -> Vec<Principal> {
    match json {
        Some(Json::String(s)) if s == "*" => vec![Principal {
            kind: "*".into(),
            value: "*".into(),
        }],
        Some(Json::Object(map)) => map
            .iter()
            .flat_map(|(kind, values)| {
                strings(Some(values)).into_iter().map(|value| Principal {
                    kind: kind.clone(),
                    value,
                })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Where a statement's conditions are unknown: `conditions[j]` for an entry whose values are (partly)
/// unknown — its operator and key are known, so a policy can tell whether it could narrow anything —
/// or `conditions` when not even the keys are known.
fn unknown_conditions(json: Option<&Json>) -> Vec<String> {
    let ops = match json {
        None => return Vec::new(),
        Some(Json::Object(ops)) => ops,
        Some(_) => return vec!["conditions".into()],
    };
    let mut out = Vec::new();
    let mut j = 0;
    for keys in ops.values() {
        let Some(keys) = keys.as_object() else {
            return vec!["conditions".into()];
        };
        for values in keys.values() {
            if has_null(values) {
                out.push(format!("conditions[{j}]"));
            }
            j += 1;
        }
    }
    out
}

fn conditions(json: Option<&Json>) -> Vec<Condition> {
    let Some(Json::Object(ops)) = json else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (operator, keys) in ops {
        let Some(keys) = keys.as_object() else {
            continue;
        };
        for (key, values) in keys {
            out.push(Condition {
                operator: operator.clone(),
                key: key.to_lowercase(),
                values: strings(Some(values)),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_principals_actions_and_conditions() {
        let doc = Document::parse_str(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["arn:a","*"]},
                "Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*"],
                "Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}}"#,
        )
        .expect("parses");
        let s = &doc.statements[0];
        assert_eq!(s.effect.as_deref(), Some("Allow"));
        assert_eq!(s.actions, vec!["s3:GetObject"]);
        assert_eq!(s.principals.len(), 2);
        assert_eq!(s.principals[1].value, "*");
        assert_eq!(s.conditions[0].key, "aws:sourcevpce");
        assert_eq!(s.conditions[0].values, vec!["vpce-1"]);
    }

    #[test]
    fn star_principal_and_unknown_parts() {
        let doc = Document::from_json(&serde_json::json!({
            "Statement": [{"Effect": null, "Principal": "*", "Action": ["s3:*", null]}]
        }))
        .expect("parses");
        let s = &doc.statements[0];
        assert_eq!(s.effect, None);
        assert_eq!(s.actions, vec!["s3:*"]);
        assert_eq!(s.principals[0].kind, "*");
    }

    #[test]
    fn unknown_parts_are_listed() {
        let (doc, unknown) = Document::from_json_with_unknowns(&serde_json::json!({
            "Statement": [
                {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"},
                {"Effect": "Allow", "Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": null}}}
            ]
        }))
        .expect("parses");
        assert_eq!(doc.statements.len(), 2);
        assert_eq!(unknown, vec!["statements[1].conditions[0]"]);
        assert_eq!(doc.statements[1].conditions[0].key, "aws:principalorgid");
    }

    #[test]
    fn parts_are_located_by_statement_and_key() {
        use crate::source::FileId;
        let text = r#"{"Statement": [
  "not a statement",
  {"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:PutObject"],
   "Condition": {"StringEquals": {"aws:SourceVpce": "v", "aws:SourceAccount": "1"}}}
]}"#;
        let node = crate::json::parse(text).expect("json");
        let tree = SpanTree::from_node(FileId(0), &node);
        let json: Json = serde_json::from_str(text).expect("json");
        let parts = part_spans(&json, &tree);
        let at = |path: &str| {
            parts
                .iter()
                .find(|(p, _, _)| p == path)
                .map(|(_, s, _)| &text[s.range.clone()])
        };
        // The string item is not a statement: the object is statement 0.
        assert!(at("statements[0]").is_some_and(|s| s.starts_with("{\"Effect\"")));
        assert_eq!(at("statements[0].principals"), Some(r#""Principal": "*""#));
        assert_eq!(at("statements[0].actions[1]"), Some(r#""s3:PutObject""#));
        assert_eq!(
            at("statements[0].conditions[1]"),
            Some(r#""aws:SourceAccount": "1""#)
        );
        assert_eq!(at("statements[1]"), None);
    }

    #[test]
    fn not_a_document() {
        assert!(Document::parse_str("not json").is_none());
        assert!(Document::parse_str("[]").is_none());
    }
}
