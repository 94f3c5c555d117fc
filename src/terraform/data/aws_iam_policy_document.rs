//! `data "aws_iam_policy_document"`, rendered offline as the AWS provider renders it.

use crate::source::FileId;
use crate::terraform::eval::{Evaluator, Scope};
use crate::terraform::functions;
use crate::terraform::module::Resource;
use crate::terraform::value::Value;
use hcl_edit::structure::Body;
use std::collections::BTreeMap;

/// Renders `data "aws_iam_policy_document"` as the provider does: `source_policy_documents` first,
/// then the `statement` blocks (replacing source statements with the same `sid`), then
/// `override_policy_documents` (replacing by `sid`, else appended). Unknown parts stay unknown.
pub fn render<'a>(ev: &Evaluator<'a>, ds: &Resource<'a>, scope: &Scope) -> Value {
    let body = ds.body();
    let mut statements: Vec<Value> = Vec::new();
    let docs = |name: &str| -> Vec<Value> {
        let Some(a) = body.get_attribute(name) else {
            return Vec::new();
        };
        match ev.eval_in(ds.file, &a.value, scope) {
            Value::List(items) => items
                .into_iter()
                .flat_map(|doc| match functions::call("jsondecode", vec![doc]) {
                    Value::Object(mut m) => match m.remove("Statement") {
                        Some(Value::List(s)) => s,
                        Some(one @ Value::Object(_)) => vec![one],
                        _ => vec![Value::Unknown],
                    },
                    _ => vec![Value::Unknown],
                })
                .collect(),
            _ => vec![Value::Unknown],
        }
    };
    for s in docs("source_policy_documents") {
        merge_statement(&mut statements, s);
    }
    for b in ev.blocks_in(ds.file, body, "statement", scope) {
        let scope = b.scope.as_ref().unwrap_or(scope);
        merge_statement(
            &mut statements,
            render_statement(ev, ds.file, b.body, scope),
        );
    }
    for s in docs("override_policy_documents") {
        merge_statement(&mut statements, s);
    }
    Value::Object(BTreeMap::from([
        ("Version".to_string(), Value::str("2012-10-17")),
        ("Statement".to_string(), Value::List(statements)),
    ]))
}

fn render_statement<'a>(ev: &Evaluator<'a>, file: FileId, body: &'a Body, scope: &Scope) -> Value {
    let get = |name: &str| {
        body.get_attribute(name)
            .map(|a| ev.eval_in(file, &a.value, scope))
    };
    let mut st = BTreeMap::new();
    if let Some(sid) = get("sid") {
        st.insert("Sid".to_string(), sid);
    }
    st.insert(
        "Effect".to_string(),
        get("effect").unwrap_or_else(|| Value::str("Allow")),
    );
    for (attr, key) in [
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ] {
        if let Some(v) = get(attr) {
            st.insert(key.to_string(), v);
        }
    }
    for (ident, key) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        let blocks = ev.blocks_in(file, body, ident, scope);
        if blocks.is_empty() {
            continue;
        }
        let mut by_type: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        let mut principal = None;
        for b in blocks {
            let scope = b.scope.as_ref().unwrap_or(scope);
            let get = |name: &str| {
                b.body
                    .get_attribute(name)
                    .map_or(Value::Unknown, |a| ev.eval_in(file, &a.value, scope))
            };
            let (ty, ids) = (get("type"), get("identifiers"));
            match (ty.as_str(), ids) {
                (Some("*"), Value::List(ids)) if ids.iter().all(|i| i.as_str() == Some("*")) => {
                    principal = Some(Value::str("*"));
                }
                (Some(t), Value::List(ids)) => {
                    by_type.entry(t.to_string()).or_default().extend(ids)
                }
                (Some(t), _) => by_type
                    .entry(t.to_string())
                    .or_default()
                    .push(Value::Unknown),
                (None, _) => principal = Some(Value::Unknown),
            }
        }
        let value = match principal {
            Some(p) if by_type.is_empty() => p,
            _ => Value::Object(
                by_type
                    .into_iter()
                    .map(|(k, v)| (k, Value::List(v)))
                    .collect(),
            ),
        };
        st.insert(key.to_string(), value);
    }
    let conditions = ev.blocks_in(file, body, "condition", scope);
    if !conditions.is_empty() {
        let mut by_test: BTreeMap<String, Value> = BTreeMap::new();
        for b in conditions {
            let scope = b.scope.as_ref().unwrap_or(scope);
            let get = |name: &str| {
                b.body
                    .get_attribute(name)
                    .map_or(Value::Unknown, |a| ev.eval_in(file, &a.value, scope))
            };
            let (Some(test), Some(variable)) = (
                get("test").to_template_string(),
                get("variable").to_template_string(),
            ) else {
                // A condition we cannot read still narrows the statement: keep it as unknown.
                by_test.insert("?".to_string(), Value::Unknown);
                continue;
            };
            if let Value::Object(vars) = by_test
                .entry(test)
                .or_insert_with(|| Value::Object(BTreeMap::new()))
            {
                vars.insert(variable, get("values"));
            }
        }
        st.insert("Condition".to_string(), Value::Object(by_test));
    }
    Value::Object(st)
}

/// Adds a statement to a rendered document, replacing one with the same `Sid`.
fn merge_statement(statements: &mut Vec<Value>, statement: Value) {
    let sid = |s: &Value| {
        s.as_object()
            .and_then(|m| m.get("Sid"))
            .and_then(|v| v.as_str().map(str::to_string))
            .filter(|s| !s.is_empty())
    };
    if let Some(id) = sid(&statement) {
        if let Some(existing) = statements
            .iter_mut()
            .find(|s| sid(s).as_deref() == Some(&id))
        {
            *existing = statement;
            return;
        }
    }
    statements.push(statement);
}
