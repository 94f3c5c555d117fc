//! JSON with a byte span on every value and key (plans, Terraform JSON syntax, CloudFormation JSON),
//! parsed strictly with `jsonc-parser`: no comments, no trailing commas, duplicate keys (other than
//! Terraform's `//` comment property) and excessive nesting are errors with a location.
//!
//! Knows nothing of what the JSON means.

use jsonc_parser::ast;
use std::ops::Range;

/// Deepest nesting accepted (checked before parsing, so a hostile file cannot exhaust the stack).
pub const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Prop>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prop {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

impl Prop {
    /// From the key to the end of the value: what a diagnostic underlines.
    pub fn span(&self) -> Range<usize> {
        self.key_span.start..self.value.span.end
    }
}

/// A JSON syntax error.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    pub span: Range<usize>,
    pub message: String,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.prop(key).map(|p| &p.value)
    }

    pub fn prop(&self, key: &str) -> Option<&Prop> {
        match &self.kind {
            Kind::Object(props) => props.iter().find(|p| p.key == key),
            _ => None,
        }
    }

    pub fn props(&self) -> &[Prop] {
        match &self.kind {
            Kind::Object(props) => props,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.kind {
            Kind::Array(items) => items,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    /// The value without spans.
    pub fn to_json(&self) -> serde_json::Value {
        match &self.kind {
            Kind::Null => serde_json::Value::Null,
            Kind::Bool(b) => serde_json::Value::Bool(*b),
            Kind::Number(n) => serde_json::Number::from_f64(*n)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Kind::String(s) => serde_json::Value::String(s.clone()),
            Kind::Array(items) => {
                serde_json::Value::Array(items.iter().map(Node::to_json).collect())
            }
            Kind::Object(props) => serde_json::Value::Object(
                props
                    .iter()
                    .map(|p| (p.key.clone(), p.value.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Parses `text` as one JSON value.
pub fn parse(text: &str) -> Result<Node, JsonError> {
    check_depth(text)?;
    let options = jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let result = jsonc_parser::parse_to_ast(text, &Default::default(), &options).map_err(|e| {
        let r = e.range();
        JsonError {
            span: r.start..r.end,
            message: e.kind().to_string(),
        }
    })?;
    match result.value {
        Some(v) => convert(v),
        None => Err(JsonError {
            span: 0..0,
            message: "the file holds no JSON value".into(),
        }),
    }
}

fn range(r: &jsonc_parser::common::Range) -> Range<usize> {
    r.start..r.end
}

fn convert(v: ast::Value) -> Result<Node, JsonError> {
    Ok(match v {
        ast::Value::NullKeyword(n) => Node {
            span: range(&n.range),
            kind: Kind::Null,
        },
        ast::Value::BooleanLit(b) => Node {
            span: range(&b.range),
            kind: Kind::Bool(b.value),
        },
        ast::Value::NumberLit(n) => Node {
            span: range(&n.range),
            kind: Kind::Number(n.value.parse().map_err(|_| JsonError {
                span: range(&n.range),
                message: format!("`{}` is not a number", n.value),
            })?),
        },
        ast::Value::StringLit(s) => Node {
            span: range(&s.range),
            kind: Kind::String(s.value.into_owned()),
        },
        ast::Value::Array(a) => Node {
            span: range(&a.range),
            kind: Kind::Array(
                a.elements
                    .into_iter()
                    .map(convert)
                    .collect::<Result<_, _>>()?,
            ),
        },
        ast::Value::Object(o) => {
            let span = range(&o.range);
            let mut props: Vec<Prop> = Vec::with_capacity(o.properties.len());
            let mut seen = std::collections::HashSet::with_capacity(o.properties.len());
            for p in o.properties {
                let key_span = match &p.name {
                    ast::ObjectPropName::String(s) => range(&s.range),
                    ast::ObjectPropName::Word(w) => range(&w.range),
                };
                let key = p.name.into_string();
                // `//` is Terraform JSON syntax's comment property, which may repeat.
                if key != "//" && !seen.insert(key.clone()) {
                    return Err(JsonError {
                        span: key_span,
                        message: format!("duplicate key `{key}`"),
                    });
                }
                props.push(Prop {
                    key,
                    key_span,
                    value: convert(p.value)?,
                });
            }
            Node {
                span,
                kind: Kind::Object(props),
            }
        }
    })
}

/// Rejects nesting deeper than [`MAX_DEPTH`] before the recursive parser sees it.
fn check_depth(text: &str) -> Result<(), JsonError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(JsonError {
                        span: i..i + 1,
                        message: format!("nesting deeper than {MAX_DEPTH} levels"),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_spans_of_keys_and_values() {
        let text = "{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": null}\n}";
        let v = parse(text).expect("parses");
        let a = v.prop("a").expect("a");
        assert_eq!(&text[a.key_span.clone()], "\"a\"");
        assert_eq!(&text[a.span()], "\"a\": [1, \"x\"]");
        assert_eq!(a.value.items()[1].as_str(), Some("x"));
        assert!(v
            .get("b")
            .and_then(|b| b.get("c"))
            .is_some_and(Node::is_null));
        assert_eq!(
            v.to_json(),
            serde_json::json!({"a": [1.0, "x"], "b": {"c": null}})
        );
    }

    #[test]
    fn strict_errors_have_locations() {
        let err = parse("{\"a\": 1,}").expect_err("trailing comma");
        assert!(err.span.start > 0);
        let err = parse("{\"a\": 1, \"a\": 2}").expect_err("duplicate");
        assert_eq!(err.message, "duplicate key `a`");
        assert_eq!(err.span, 9..12);
        assert!(parse("// c\n{}").is_err());
        assert!(parse("{\"//\": \"a\", \"//\": \"b\"}").is_ok());
        assert!(parse("").is_err());
    }

    #[test]
    fn duplicates_among_many_keys() {
        // Keys are checked against a set (a scan of the keys so far made this quadratic).
        let keys: Vec<String> = (0..50_000).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}}}", keys.join(", "));
        assert_eq!(parse(&text).map(|v| v.props().len()), Ok(50_000));
        let text = format!("{{{}, \"k7\": 0}}", keys.join(", "));
        assert_eq!(
            parse(&text).expect_err("duplicate").message,
            "duplicate key `k7`"
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let text = "[".repeat(100_000);
        let err = parse(&text).expect_err("too deep");
        assert!(err.message.contains("nesting"));
        // Brackets inside strings do not count.
        assert!(parse(&format!("[\"{}\"]", "[".repeat(1000))).is_ok());
    }
}
