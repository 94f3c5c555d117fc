//! Where the parts of a JSON-shaped attribute value (a policy document) are written in HCL: the
//! members of a `jsonencode({...})` object, the JSON inside a string literal or a heredoc (its offsets
//! taken back through escapes, `$${` and interpolations), a `local` it names, or the `statement`
//! blocks of an `aws_iam_policy_document` whose `json` it uses.

use super::{span_of, Evaluator, Scope};
use crate::json_spans::{Kids, Member, OffsetMap, SpanTree};
use crate::source::{FileId, Span};
use crate::terraform::data::aws_iam_policy_document;
use crate::terraform::holes::HoleText;
use crate::terraform::value::Value;
use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl_edit::template::{Element, Template};
use hcl_edit::Span as _;

/// How many references (locals, function arguments) are followed to find where a document is written.
const MAX_FOLLOW: usize = 16;

impl<'a> Evaluator<'a> {
    /// Where the parts of the value of `expr` (in `file`, evaluated in `scope`) are written, when the
    /// code writes them out; `None` otherwise.
    pub fn document_tree(
        &self,
        file: FileId,
        expr: &Expression,
        scope: &Scope,
    ) -> Option<SpanTree> {
        let tree = self.doc_tree(file, expr, scope, 0);
        // What evaluating parts again traced is not the attribute's.
        self.take_why();
        self.take_trace();
        tree
    }

    pub(super) fn doc_tree(
        &self,
        file: FileId,
        expr: &Expression,
        scope: &Scope,
        depth: usize,
    ) -> Option<SpanTree> {
        if depth > MAX_FOLLOW {
            return None;
        }
        let here = span_of(file, expr);
        match expr {
            Expression::Object(obj) => {
                let mut members = Vec::new();
                for (key, value) in obj.iter() {
                    let name = match key {
                        ObjectKey::Ident(id) => id.as_str().to_string(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
                        ObjectKey::Expression(e) => {
                            match self.eval(e, scope).to_template_string() {
                                Some(k) => k,
                                None => continue,
                            }
                        }
                    };
                    let v = value.expr();
                    let start = key.span().map_or(here.range.start, |r| r.start);
                    let end = v.span().map_or(start, |r| r.end).max(start);
                    members.push(Member {
                        key: name,
                        span: Span::new(file, start..end),
                        value: self
                            .doc_tree(file, v, scope, depth + 1)
                            .unwrap_or_else(|| SpanTree::leaf(span_of(file, v))),
                    });
                }
                Some(SpanTree {
                    span: here,
                    kids: Kids::Members(members),
                    used_at: None,
                })
            }
            Expression::Array(items) => Some(SpanTree {
                span: here,
                kids: Kids::Items(
                    items
                        .iter()
                        .map(|e| {
                            self.doc_tree(file, e, scope, depth + 1)
                                .unwrap_or_else(|| SpanTree::leaf(span_of(file, e)))
                        })
                        .collect(),
                ),
                used_at: None,
            }),
            Expression::Parenthesis(p) => self.doc_tree(file, p.inner(), scope, depth + 1),
            Expression::FuncCall(call)
                if !call.name.is_namespaced()
                    && matches!(call.name.name.as_str(), "file" | "templatefile") =>
            {
                self.read_file_tree(call, scope, here, depth)
            }
            Expression::FuncCall(call)
                if !call.name.is_namespaced()
                    && call.name.name.as_str() == "jsonencode"
                    && call.args.len() == 1 =>
            {
                let arg = call.args.iter().next()?;
                self.doc_tree(file, arg, scope, depth + 1)
            }
            Expression::String(s) => {
                let r = s.span()?;
                let text = self.module.texts.get(&file)?;
                let raw = text.get(r.clone())?;
                // The literal's text without its quotes.
                let inner = raw.strip_prefix('"').and_then(|x| x.strip_suffix('"'))?;
                let mut out = HoleText::new();
                let mut map = OffsetMap::new();
                align(inner, s.value(), r.start + 1, 0, true, &mut map);
                out.push_str(s.value());
                text_tree(file, &out, &map)
            }
            Expression::StringTemplate(t) => {
                if let Some(Element::Interpolation(i)) = t.as_single_element() {
                    return self.doc_tree(file, &i.expr, scope, depth + 1);
                }
                self.template_tree(file, t, scope, true)
            }
            Expression::HeredocTemplate(h) => self.template_tree(file, &h.template, scope, false),
            Expression::Traversal(t) => {
                let Expression::Variable(root) = &t.expr else {
                    return None;
                };
                let ops: Vec<&TraversalOperator> = t.operators.iter().map(|o| o.value()).collect();
                let attr = |i: usize| match ops.get(i) {
                    Some(TraversalOperator::GetAttr(id)) => Some(id.as_str()),
                    _ => None,
                };
                match root.as_str() {
                    "local" if ops.len() == 1 => {
                        let located = self.module.locals.get(attr(0)?)?;
                        self.doc_tree(located.file, located.expr, &Scope::default(), depth + 1)
                    }
                    "data" => {
                        let (dtype, dname) = (attr(0)?, attr(1)?);
                        let ds = self.module.data.get(&(dtype, dname))?;
                        if dtype != "aws_iam_policy_document" {
                            return None;
                        }
                        let key = match ops.get(2) {
                            Some(TraversalOperator::Index(e)) => Some(self.eval(e, scope)),
                            Some(TraversalOperator::LegacyIndex(n)) => {
                                Some(Value::Number(*n.value() as f64))
                            }
                            _ => None,
                        };
                        let at = if key.is_some() { 3 } else { 2 };
                        if !matches!(attr(at), Some("json" | "minified_json"))
                            || ops.len() != at + 1
                        {
                            return None;
                        }
                        let statements = match (&key, super::is_expanded(ds)) {
                            (None, false) => aws_iam_policy_document::statement_spans(
                                self,
                                ds,
                                &Scope::default(),
                            ),
                            (Some(k), true) => {
                                let inst = self.instance_for_key(ds, k)?;
                                aws_iam_policy_document::statement_spans(self, ds, &inst.scope)
                            }
                            _ => return None,
                        };
                        let header =
                            Span::new(ds.file, crate::terraform::parse::block_header(ds.block));
                        Some(SpanTree {
                            span: header.clone(),
                            kids: Kids::Members(vec![Member {
                                key: "Statement".into(),
                                span: header.clone(),
                                value: SpanTree {
                                    span: header,
                                    kids: Kids::Items(statements),
                                    used_at: None,
                                },
                            }]),
                            used_at: Some(here),
                        })
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The tree of the JSON a template renders to, its offsets taken back to the file; `None` when
    /// it has directives (the rendering's shape is not the source's) or is not JSON.
    fn template_tree(
        &self,
        file: FileId,
        t: &Template,
        scope: &Scope,
        quoted: bool,
    ) -> Option<SpanTree> {
        let text = self.module.texts.get(&file)?;
        self.template_tree_in(text, file, t, scope, quoted)
    }

    /// [`Evaluator::template_tree`] of a template parsed from `text` (the text of `file`).
    pub(super) fn template_tree_in(
        &self,
        text: &str,
        file: FileId,
        t: &Template,
        scope: &Scope,
        quoted: bool,
    ) -> Option<SpanTree> {
        let mut out = HoleText::new();
        let mut map = OffsetMap::new();
        for element in t.iter() {
            match element {
                Element::Literal(s) => {
                    let r = s.span()?;
                    let raw = text.get(r.clone())?;
                    align(raw, s.value(), r.start, out.len(), quoted, &mut map);
                    out.push_str(s.value());
                }
                Element::Interpolation(i) => {
                    let r = i.span()?;
                    let start = out.len();
                    match self.eval(&i.expr, scope).to_template_string() {
                        Some(s) => out.push_str(&s),
                        None => out.push_hole(),
                    }
                    if out.len() > start {
                        map.replaced(start..out.len(), r);
                    }
                }
                Element::Directive(_) => return None,
            }
        }
        text_tree(file, &out, &map)
    }
}

fn text_tree(file: FileId, out: &HoleText, map: &OffsetMap) -> Option<SpanTree> {
    let trimmed = out.as_str().trim_start();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return None;
    }
    let (json, inserted) = out.json_text()?;
    SpanTree::from_text(file, &json, &map.with_insertions(&inserted))
}

/// Maps the decoded text of a literal (`decoded`, rendered at `out_base`) to its source (`raw`, at
/// `src_base` in the file): characters copied as they are, escapes (`\"`, `\n`, `\u00e9` in quoted
/// strings) and `$${`/`%%{` as the source bytes they stand for, indentation a heredoc strips skipped.
fn align(
    raw: &str,
    decoded: &str,
    src_base: usize,
    out_base: usize,
    quoted: bool,
    map: &mut OffsetMap,
) {
    let mut r = 0;
    for (d, c) in decoded.char_indices() {
        loop {
            let Some(rest) = raw.get(r..).filter(|x| !x.is_empty()) else {
                return;
            };
            if quoted && rest.starts_with('\\') {
                let len = escape_len(rest);
                map.replaced(
                    out_base + d..out_base + d + c.len_utf8(),
                    src_base + r..src_base + r + len,
                );
                r += len;
                break;
            }
            if (c == '$' && rest.starts_with("$${")) || (c == '%' && rest.starts_with("%%{")) {
                map.copied(out_base + d, src_base + r, 1);
                r += 2;
                break;
            }
            if rest.starts_with(c) {
                map.copied(out_base + d, src_base + r, c.len_utf8());
                r += c.len_utf8();
                break;
            }
            r += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// The length of the escape sequence `s` starts with.
fn escape_len(s: &str) -> usize {
    let len = match s.as_bytes().get(1) {
        Some(b'u') => 6,
        Some(b'U') => 10,
        Some(_) => 2,
        None => 1,
    };
    // Never past the text, nor into the middle of a character.
    let mut len = len.min(s.len());
    while !s.is_char_boundary(len) {
        len += 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_doubled_dollars_map_to_their_source() {
        // Source `{\"a\": \"$${x}\"}` decodes to `{"a": "${x}"}`.
        let raw = r#"{\"a\": \"$${x}\"}"#;
        let decoded = r#"{"a": "${x}"}"#;
        let mut map = OffsetMap::new();
        align(raw, decoded, 100, 0, true, &mut map);
        // `"a"` (decoded 1..4) is `\"a\"` in the source.
        assert_eq!(map.map(1..4), 101..106);
        // `${x}` (decoded 7..11) is `$${x}`.
        assert_eq!(map.map(7..11), 110..115);
    }

    #[test]
    fn heredoc_indentation_is_skipped() {
        let raw = "    {\n      \"a\": 1\n    }\n";
        let decoded = "{\n  \"a\": 1\n}\n";
        let mut map = OffsetMap::new();
        align(raw, decoded, 0, 0, false, &mut map);
        let at = decoded.find("\"a\"").expect("key");
        let want = raw.find("\"a\"").expect("key");
        assert_eq!(map.map(at..at + 3), want..want + 3);
    }
}
