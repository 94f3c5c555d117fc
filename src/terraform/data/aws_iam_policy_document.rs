//! `data "aws_iam_policy_document"`, rendered offline as the AWS provider renders it.

use crate::json_spans::{Kids, Member, SpanTree};
use crate::source::{FileId, Span};
use crate::terraform::eval::{span_of, Evaluator, Scope};
use crate::terraform::functions;
use crate::terraform::module::Resource;
use crate::terraform::parse;
use crate::terraform::value::Value;
use hcl_edit::expr::Expression;
use hcl_edit::structure::Body;
use std::collections::BTreeMap;

/// Renders `data "aws_iam_policy_document"` as the provider does: `source_policy_documents` first,
/// then the `statement` blocks (replacing source statements with the same `sid`), then
/// `override_policy_documents` (replacing by `sid`, else appended). Unknown parts stay unknown.
pub fn render<'a>(ev: &Evaluator<'a>, ds: &Resource<'a>, scope: &Scope) -> Value {
    render_located(ev, ds, scope, None)
}

/// Where the statements of the rendered document are written, in the order [`render`] gives them: a
/// `statement` block with its parts, or the `source_policy_documents` / `override_policy_documents`
/// attribute a statement came from.
pub fn statement_spans<'a>(ev: &Evaluator<'a>, ds: &Resource<'a>, scope: &Scope) -> Vec<SpanTree> {
    let mut spans = Vec::new();
    render_located(ev, ds, scope, Some(&mut spans));
    spans
}

fn render_located<'a>(
    ev: &Evaluator<'a>,
    ds: &Resource<'a>,
    scope: &Scope,
    mut spans: Option<&mut Vec<SpanTree>>,
) -> Value {
    let body = ds.body();
    let mut statements: Vec<Value> = Vec::new();
    let attr_span = |name: &str| {
        body.get_attribute(name)
            .map(|a| Span::new(ds.file, parse::attribute(a)))
            .unwrap_or_else(|| Span::new(ds.file, parse::block_header(ds.block)))
    };
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
    let located = spans.is_some();
    let source = located.then(|| attr_span("source_policy_documents"));
    let over = located.then(|| attr_span("override_policy_documents"));
    let mut place = |statements: &mut Vec<Value>, s: Value, tree: Option<SpanTree>| {
        let at = merge_statement(statements, s);
        if let (Some(spans), Some(tree)) = (spans.as_deref_mut(), tree) {
            if at < spans.len() {
                spans[at] = tree;
            } else {
                spans.push(tree);
            }
        }
    };
    for s in docs("source_policy_documents") {
        place(&mut statements, s, source.clone().map(SpanTree::leaf));
    }
    for b in ev.blocks_in(ds.file, body, "statement", scope) {
        let scope = b.scope.as_ref().unwrap_or(scope);
        let tree = located.then(|| statement_tree(ev, ds.file, &b, scope));
        place(
            &mut statements,
            render_statement(ev, ds.file, b.body, scope),
            tree,
        );
    }
    for s in docs("override_policy_documents") {
        place(&mut statements, s, over.clone().map(SpanTree::leaf));
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

/// Where a `statement` block writes the parts of the statement it renders, keyed as the rendered
/// JSON is: `Sid`, `Effect`, `Action` (with its elements when written as a list), `Principal` (the
/// first `principals` block), `Condition` (by test and variable, each at its `condition` block).
fn statement_tree<'a>(
    ev: &Evaluator<'a>,
    file: FileId,
    b: &crate::terraform::eval::BlockInstance<'a>,
    scope: &Scope,
) -> SpanTree {
    let header = Span::new(file, parse::block_header(b.header));
    let mut members = Vec::new();
    for (attr, key) in [
        ("sid", "Sid"),
        ("effect", "Effect"),
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ] {
        if let Some(a) = b.body.get_attribute(attr) {
            let span = Span::new(file, parse::attribute(a));
            let value = match &a.value {
                Expression::Array(items) => SpanTree {
                    span: span_of(file, &a.value),
                    kids: Kids::Items(
                        items
                            .iter()
                            .map(|e| SpanTree::leaf(span_of(file, e)))
                            .collect(),
                    ),
                    used_at: None,
                },
                other => SpanTree::leaf(span_of(file, other)),
            };
            members.push(Member {
                key: key.to_string(),
                span,
                value,
            });
        }
    }
    for (ident, key) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        if let Some(p) = ev.blocks_in(file, b.body, ident, scope).first() {
            let span = Span::new(file, parse::block_header(p.header));
            members.push(Member {
                key: key.to_string(),
                span: span.clone(),
                value: SpanTree::leaf(span),
            });
        }
    }
    let conditions = ev.blocks_in(file, b.body, "condition", scope);
    if let Some(first) = conditions.first() {
        let first_span = Span::new(file, parse::block_header(first.header));
        let mut ops: Vec<Member> = Vec::new();
        for c in &conditions {
            let scope = c.scope.as_ref().unwrap_or(scope);
            let get = |name: &str| {
                c.body
                    .get_attribute(name)
                    .and_then(|a| ev.eval_in(file, &a.value, scope).to_template_string())
            };
            let (Some(test), Some(variable)) = (get("test"), get("variable")) else {
                continue;
            };
            let span = Span::new(file, parse::block_header(c.header));
            let key = Member {
                key: variable,
                span: span.clone(),
                value: SpanTree::leaf(span.clone()),
            };
            match ops.iter_mut().find(|m| m.key == test) {
                Some(Member {
                    value:
                        SpanTree {
                            kids: Kids::Members(keys),
                            ..
                        },
                    ..
                }) => keys.push(key),
                _ => ops.push(Member {
                    key: test,
                    span: span.clone(),
                    value: SpanTree {
                        span,
                        kids: Kids::Members(vec![key]),
                        used_at: None,
                    },
                }),
            }
        }
        // (What evaluating the tests and variables traced is not the document's.)
        ev.take_why();
        ev.take_trace();
        members.push(Member {
            key: "Condition".into(),
            span: first_span.clone(),
            value: SpanTree {
                span: first_span,
                kids: Kids::Members(ops),
                used_at: None,
            },
        });
    }
    SpanTree {
        span: header,
        kids: Kids::Members(members),
        used_at: None,
    }
}

/// Adds a statement to a rendered document, replacing one with the same `Sid`; where it went.
fn merge_statement(statements: &mut Vec<Value>, statement: Value) -> usize {
    let sid = |s: &Value| {
        s.as_object()
            .and_then(|m| m.get("Sid"))
            .and_then(|v| v.as_str().map(str::to_string))
            .filter(|s| !s.is_empty())
    };
    if let Some(id) = sid(&statement) {
        if let Some(at) = statements
            .iter()
            .position(|s| sid(s).as_deref() == Some(&id))
        {
            statements[at] = statement;
            return at;
        }
    }
    statements.push(statement);
    statements.len() - 1
}
