//! YAML with a byte span on every value and key, read into the same tree as [`crate::json`], with
//! CloudFormation's short-form tags turned into their long forms (`!Ref x` → `{"Ref": "x"}`,
//! `!GetAtt a.b` → `{"Fn::GetAtt": ["a", "b"]}`, `!Sub s` → `{"Fn::Sub": s}`).
//!
//! The tree is built from saphyr's event stream with an explicit stack (saphyr's own loader recurses
//! once per nesting level, which a few kilobytes of block-style `- - - -` turn into a stack overflow).
//! Nesting is bounded by [`MAX_DEPTH`], counted as in JSON (each sequence, mapping and short-form tag
//! wrapper is a level), aliases included; alias expansion has a budget; duplicate keys are errors.
//! Knows nothing of what the YAML means.

use crate::json::{JsonError, Kind, Node, Prop};
use saphyr::{Scalar, Tag, Yaml};
use saphyr_parser::{Event, Parser, ScanError, Span};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Deepest nesting accepted: the same bound as JSON documents.
pub const MAX_DEPTH: usize = crate::json::MAX_DEPTH;

/// How much aliases may copy in all, in units of one node plus one per byte of text: a few anchors
/// that refer to each other cannot expand into millions of nodes.
const ALIAS_BUDGET: usize = 4_000_000;

/// Maps saphyr's character indexes to byte offsets.
struct Offsets {
    /// Byte offset of each character, when the text is not ASCII.
    table: Option<Vec<usize>>,
    len: usize,
}

impl Offsets {
    fn new(text: &str) -> Offsets {
        let table = (!text.is_ascii()).then(|| text.char_indices().map(|(i, _)| i).collect());
        Offsets {
            table,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.table {
            None => char_index.min(self.len),
            Some(t) => t.get(char_index).copied().unwrap_or(self.len),
        }
    }

    fn span(&self, span: &Span) -> Range<usize> {
        let start = self.byte(span.start.index());
        start..self.byte(span.end.index()).max(start)
    }
}

/// A sequence or mapping whose end has not been read yet.
struct Open {
    start: usize,
    anchor: usize,
    tag: Option<Tag>,
    /// Nesting level of this collection (its wrapper, when tagged, is one level above).
    level: usize,
    /// Levels below this collection, deepest child first counted: its height minus one.
    below: usize,
    /// Nodes and text bytes in the subtree, for the alias budget.
    cost: usize,
    body: Body,
}

enum Body {
    Seq(Vec<Node>),
    Map {
        props: Vec<Prop>,
        seen: HashSet<String>,
        /// A key read, waiting for its value.
        key: Option<(String, Range<usize>)>,
    },
}

/// A finished node with what the depth and alias checks need.
struct Built {
    node: Node,
    /// Nesting levels inside `node`, itself included (0 for a plain scalar).
    height: usize,
    cost: usize,
}

fn error(span: Range<usize>, message: impl Into<String>) -> JsonError {
    JsonError {
        span,
        message: message.into(),
    }
}

/// Parses the first document of `text` (the others are read for syntax errors only).
pub fn parse(text: &str) -> Result<Node, JsonError> {
    let offsets = Offsets::new(text);
    let scan_error = |e: ScanError| {
        let at = offsets.byte(e.marker().index());
        if e.info() == "recursion limit exceeded" {
            // The scanner's own bound on flow brackets (255), met when it reads ahead of the parser.
            return error(at..at, format!("nesting deeper than {MAX_DEPTH} levels"));
        }
        error(at..at, e.info())
    };
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize, usize)> = HashMap::new();
    let mut budget = ALIAS_BUDGET;
    let mut doc: Option<Node> = None;
    let mut documents = 0usize;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(scan_error)?;
        if documents > 1 {
            // Past the first document: only syntax errors matter.
            continue;
        }
        let parent_level = stack.last().map_or(0, |o| o.level);
        let is_seq = matches!(event, Event::SequenceStart(..));
        let built = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing => continue,
            Event::DocumentStart(_) => {
                documents += 1;
                continue;
            }
            Event::DocumentEnd => {
                if documents == 1 {
                    // Only the first document is kept.
                    documents = 2;
                }
                continue;
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                let tag = tag.map(|t| t.into_owned());
                let level = parent_level + 1 + usize::from(is_short_form(tag.as_ref()));
                let at = offsets.byte(span.start.index());
                if level > MAX_DEPTH {
                    return Err(error(
                        at..at,
                        format!("nesting deeper than {MAX_DEPTH} levels"),
                    ));
                }
                stack.push(Open {
                    start: at,
                    anchor,
                    tag,
                    level,
                    below: 0,
                    cost: 1,
                    body: if is_seq {
                        Body::Seq(Vec::new())
                    } else {
                        Body::Map {
                            props: Vec::new(),
                            seen: HashSet::new(),
                            key: None,
                        }
                    },
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = stack.pop() else {
                    return Err(error(offsets.span(&span), "unbalanced YAML events"));
                };
                let end = offsets.byte(span.start.index()).max(open.start);
                let node_span = open.start..end;
                let kind = match open.body {
                    Body::Seq(items) => Kind::Array(items),
                    Body::Map { props, key, .. } => {
                        if let Some((_, key_span)) = key {
                            return Err(error(key_span, "a mapping key without a value"));
                        }
                        Kind::Object(props)
                    }
                };
                let node = Node {
                    span: node_span,
                    kind,
                };
                let (node, height) = match &open.tag {
                    Some(tag) if is_short_form(Some(tag)) => {
                        (wrap(&tag.suffix, node), open.below + 2)
                    }
                    _ => (node, open.below + 1),
                };
                let built = Built {
                    node,
                    height,
                    cost: open.cost,
                };
                remember(&mut anchors, open.anchor, &built);
                built
            }
            Event::Scalar(value, style, anchor, tag) => {
                let node_span = offsets.span(&span);
                let cost = 1 + value.len();
                let (node, height) =
                    match Yaml::value_from_cow_and_metadata(value, style, tag.as_ref()) {
                        Yaml::Value(scalar) => (
                            Node {
                                span: node_span,
                                kind: scalar_kind(scalar),
                            },
                            0,
                        ),
                        Yaml::Tagged(tag, inner) => {
                            let kind = match *inner {
                                Yaml::Value(scalar) => scalar_kind(scalar),
                                Yaml::Representation(text, _, _) => Kind::String(text.into_owned()),
                                _ => return Err(error(node_span, BAD_VALUE)),
                            };
                            let node = Node {
                                span: node_span,
                                kind,
                            };
                            if is_short_form(Some(&tag)) {
                                if parent_level + 1 > MAX_DEPTH {
                                    return Err(error(
                                        node.span,
                                        format!("nesting deeper than {MAX_DEPTH} levels"),
                                    ));
                                }
                                (wrap(&tag.suffix, node), 1)
                            } else {
                                (node, 0)
                            }
                        }
                        _ => return Err(error(node_span, BAD_VALUE)),
                    };
                let built = Built { node, height, cost };
                remember(&mut anchors, anchor, &built);
                built
            }
            Event::Alias(id) => {
                let at = offsets.span(&span);
                let Some((node, height, cost)) = anchors.get(&id) else {
                    return Err(error(at, "an alias to an unknown anchor"));
                };
                if parent_level + height > MAX_DEPTH {
                    return Err(error(
                        at,
                        format!("this alias nests its anchor deeper than {MAX_DEPTH} levels"),
                    ));
                }
                if *cost > budget {
                    return Err(error(
                        at,
                        "aliases expand to too much data (refused, as a \"billion laughs\" document would be)",
                    ));
                }
                budget -= cost;
                let mut node = node.clone();
                node.span = at;
                Built {
                    node,
                    height: *height,
                    cost: *cost,
                }
            }
        };
        // Attach the finished node to its parent, or make it the document.
        let Some(parent) = stack.last_mut() else {
            doc = Some(built.node);
            continue;
        };
        parent.below = parent.below.max(built.height);
        parent.cost = parent.cost.saturating_add(built.cost);
        match &mut parent.body {
            Body::Seq(items) => items.push(built.node),
            Body::Map { props, seen, key } => match key.take() {
                None => {
                    let key_span = built.node.span.clone();
                    let name = match built.node.kind {
                        Kind::String(s) => s,
                        Kind::Number(n) => crate::terraform::value::format_number(n),
                        Kind::Bool(b) => b.to_string(),
                        Kind::Null => "null".into(),
                        _ => return Err(error(key_span, "a mapping key must be a plain value")),
                    };
                    parent.cost = parent.cost.saturating_add(name.len());
                    if !seen.insert(name.clone()) {
                        return Err(error(key_span, format!("duplicate key `{name}`")));
                    }
                    *key = Some((name, key_span));
                }
                Some((name, key_span)) => props.push(Prop {
                    key: name,
                    key_span,
                    value: built.node,
                }),
            },
        }
    }
    doc.ok_or_else(|| error(0..0, "the file holds no YAML document"))
}

const BAD_VALUE: &str =
    "a value here cannot be read (a scalar that does not match its tag, or an unknown alias)";

/// A local tag (`!Ref`), which becomes a one-key mapping; core schema tags (`!!str`) and others keep
/// the value as it is.
fn is_short_form(tag: Option<&Tag>) -> bool {
    tag.is_some_and(|t| t.handle == "!")
}

fn remember(anchors: &mut HashMap<usize, (Node, usize, usize)>, anchor: usize, built: &Built) {
    if anchor > 0 {
        anchors.insert(anchor, (built.node.clone(), built.height, built.cost));
    }
}

/// `!Tag value` as `{"Fn::Tag": value}` (see [`short_form`]), spanning the tagged value.
fn wrap(suffix: &str, inner: Node) -> Node {
    let span = inner.span.clone();
    let (key, value) = short_form(suffix, inner);
    Node {
        span: span.clone(),
        kind: Kind::Object(vec![Prop {
            key,
            key_span: span,
            value,
        }]),
    }
}

fn scalar_kind(scalar: Scalar) -> Kind {
    match scalar {
        Scalar::Null => Kind::Null,
        Scalar::Boolean(b) => Kind::Bool(b),
        Scalar::Integer(i) => Kind::Number(i as f64),
        Scalar::FloatingPoint(f) => Kind::Number(f.into_inner()),
        Scalar::String(s) => Kind::String(s.into_owned()),
    }
}

/// The long form of a CloudFormation short-form tag.
fn short_form(suffix: &str, inner: Node) -> (String, Node) {
    match suffix {
        "Ref" => ("Ref".into(), inner),
        "Condition" => ("Condition".into(), inner),
        "GetAtt" => {
            // `!GetAtt Resource.Attribute` (the attribute may itself contain dots).
            let value = match &inner.kind {
                Kind::String(s) => match s.split_once('.') {
                    Some((res, attr)) => Node {
                        span: inner.span.clone(),
                        kind: Kind::Array(vec![
                            Node {
                                span: inner.span.clone(),
                                kind: Kind::String(res.to_string()),
                            },
                            Node {
                                span: inner.span.clone(),
                                kind: Kind::String(attr.to_string()),
                            },
                        ]),
                    },
                    None => inner,
                },
                _ => inner,
            };
            ("Fn::GetAtt".into(), value)
        }
        other => (format!("Fn::{other}"), inner),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_become_long_forms_with_spans() {
        let text = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${Env}-logs'\n      Other: !GetAtt Key.Arn\n      Ref1: !Ref Env\n";
        let v = parse(text).expect("parses");
        let props = v
            .get("Resources")
            .and_then(|r| r.get("B"))
            .and_then(|b| b.get("Properties"))
            .expect("properties");
        assert_eq!(
            props.to_json(),
            serde_json::json!({
                "BucketName": {"Fn::Sub": "${Env}-logs"},
                "Other": {"Fn::GetAtt": ["Key", "Arn"]},
                "Ref1": {"Ref": "Env"}
            })
        );
        let name = props.prop("BucketName").expect("BucketName");
        assert_eq!(&text[name.key_span.clone()], "BucketName");
        assert!(
            text[name.value.span.clone()].starts_with("!Sub"),
            "{:?}",
            &text[name.value.span.clone()]
        );
    }

    #[test]
    fn non_ascii_offsets_are_bytes() {
        let text = "a: ç\nb: 1\n";
        let v = parse(text).expect("parses");
        let b = v.prop("b").expect("b");
        assert_eq!(&text[b.key_span.clone()], "b");
    }

    #[test]
    fn errors_are_located() {
        let err = parse("a: [1, 2\nb: 3\n").expect_err("unclosed flow");
        assert!(err.span.start > 0, "{err:?}");
        let err = parse("a: 1\na: 2\n").expect_err("duplicate key");
        assert!(
            err.message.to_lowercase().contains("duplicate"),
            "{}",
            err.message
        );
        assert!(parse("a:\n\t- b\n").is_err(), "tabs");
    }

    /// Runs `f` on a thread with a small stack: a parser that recursed once per level would overflow.
    fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .expect("spawns")
            .join()
            .expect("no overflow")
    }

    fn depth_error(text: String) -> JsonError {
        on_small_stack(move || parse(&text)).expect_err("too deep")
    }

    #[test]
    fn deep_nesting_is_a_located_error_without_recursion() {
        // Block sequences, compact (`- - - x`) and indented.
        let err = depth_error(format!("a:\n  {}x\n", "- ".repeat(100_000)));
        assert!(err.message.contains("nesting deeper than 128"), "{err:?}");
        // The mapping is level 1: the error is at the 128th `- `.
        assert_eq!(err.span.start, 5 + 2 * (MAX_DEPTH - 1), "{err:?}");
        let mut text = String::new();
        for i in 0..20_000 {
            text.push_str(&" ".repeat(i));
            text.push_str("-\n");
        }
        assert!(depth_error(text).message.contains("nesting"));
        // Block mappings.
        let mut text = String::new();
        for i in 0..20_000 {
            text.push_str(&" ".repeat(i));
            text.push_str("k:\n");
        }
        assert!(depth_error(text).message.contains("nesting"));
        // Flow collections, and short-form tags (each a level of its own).
        // (saphyr's scanner reads flow brackets ahead and stops at 255 with its own error.)
        let err = depth_error("[".repeat(100_000));
        assert_eq!(err.message, "nesting deeper than 128 levels");
        assert_eq!(err.span, 255..255);
        assert!(depth_error("{a: ".repeat(100_000))
            .message
            .contains("deeper"));
        assert!(depth_error("!If [".repeat(10_000) + "x")
            .message
            .contains("deeper"));
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(&format!("{}- !Join\n", " ".repeat(2 * i)));
        }
        assert!(depth_error(text).message.contains("deeper"));
        // A key that is itself deep.
        assert!(depth_error(format!("? {}x\n: 1\n", "- ".repeat(100_000)))
            .message
            .contains("deeper"));
    }

    #[test]
    fn nesting_at_the_limit_is_accepted() {
        let at = |n: usize| parse(&format!("{}x{}", "[".repeat(n), "]".repeat(n)));
        assert!(at(MAX_DEPTH).is_ok());
        assert!(at(MAX_DEPTH + 1).is_err());
        // A short-form tag on a sequence: two levels, the `{"Fn::If": …}` wrapper and the sequence.
        let tags = |n: usize| parse(&format!("{}x{}", "!If [".repeat(n), "]".repeat(n)));
        assert!(tags(MAX_DEPTH / 2).is_ok());
        assert!(tags(MAX_DEPTH / 2 + 1).is_err());
        let scalar = |n: usize| parse(&format!("{}!Ref x{}", "[".repeat(n), "]".repeat(n)));
        assert!(scalar(MAX_DEPTH - 1).is_ok());
        assert!(scalar(MAX_DEPTH).is_err());
        // Same count as JSON.
        let json = |n: usize| crate::json::parse(&format!("{}1{}", "[".repeat(n), "]".repeat(n)));
        assert!(json(MAX_DEPTH).is_ok() && json(MAX_DEPTH + 1).is_err());
    }

    #[test]
    fn aliases_cannot_nest_past_the_limit() {
        // Each anchor holds the previous one 100 levels down: the tree would grow 100 levels an alias.
        let mut text = format!("a0: &a0 {}x{}\n", "[".repeat(100), "]".repeat(100));
        for i in 1..50 {
            text.push_str(&format!(
                "a{i}: &a{i} {}*a{}{}\n",
                "[".repeat(100),
                i - 1,
                "]".repeat(100)
            ));
        }
        let err = depth_error(text);
        assert!(err.message.contains("alias"), "{err:?}");
        // An alias within the limit is copied, with its own span.
        let v = parse("a: &x {b: [1]}\nc: *x\n").expect("parses");
        assert_eq!(v.get("c").map(Node::to_json), v.get("a").map(Node::to_json));
        assert_eq!(v.get("c").map(|c| c.span.clone()), Some(18..20));
        assert!(parse("a: *nope\n").is_err());
    }

    #[test]
    fn mapping_keys_and_documents() {
        let err = parse("? [1]\n: 2\n").expect_err("a sequence as a key");
        assert!(err.message.contains("plain value"), "{err:?}");
        assert!(parse("").is_err());
        assert!(parse("# only a comment\n").is_err());
        // Later documents are read for syntax errors only.
        let v = parse("a: 1\n---\nb: 2\n").expect("parses");
        assert_eq!(v.to_json(), serde_json::json!({"a": 1.0}));
        assert!(parse("a: 1\n---\nb: [\n").is_err());
        assert!(parse("a: !!int x\n").is_err());
        assert_eq!(
            parse("1: a\ntrue: b\n~: c\n").expect("parses").to_json(),
            serde_json::json!({"1": "a", "true": "b", "null": "c"})
        );
    }

    #[test]
    fn alias_bombs_are_bounded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='k' {
            text.push_str(&format!("{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = c;
        }
        assert!(
            parse(&text).is_err(),
            "expansion must be refused, not performed"
        );
    }
}
