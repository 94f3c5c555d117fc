//! YAML with a byte span on every value and key, read into the same tree as [`crate::json`], with
//! CloudFormation's short-form tags turned into their long forms (`!Ref x` → `{"Ref": "x"}`,
//! `!GetAtt a.b` → `{"Fn::GetAtt": ["a", "b"]}`, `!Sub s` → `{"Fn::Sub": s}`).
//!
//! saphyr bounds alias expansion and rejects duplicate keys. Knows nothing of what the YAML means.

use crate::json::{JsonError, Kind, Node, Prop};
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use std::ops::Range;

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

    fn span(&self, start: &saphyr::Marker, end: &saphyr::Marker) -> Range<usize> {
        let start_byte = self.byte(start.index());
        start_byte..self.byte(end.index()).max(start_byte)
    }
}

/// Parses the first document of `text`.
pub fn parse(text: &str) -> Result<Node, JsonError> {
    let offsets = Offsets::new(text);
    let docs = MarkedYaml::load_from_str(text).map_err(|e| {
        let at = offsets.byte(e.marker().index());
        JsonError {
            span: at..at,
            message: e.info().to_string(),
        }
    })?;
    let Some(doc) = docs.into_iter().next() else {
        return Err(JsonError {
            span: 0..0,
            message: "the file holds no YAML document".into(),
        });
    };
    convert(doc, &offsets)
}

fn convert(node: MarkedYaml, offsets: &Offsets) -> Result<Node, JsonError> {
    let span = offsets.span(&node.span.start, &node.span.end);
    let kind = match node.data {
        YamlData::Value(scalar) => scalar_kind(scalar),
        YamlData::Representation(text, _, _) => Kind::String(text.into_owned()),
        YamlData::Sequence(items) => Kind::Array(
            items
                .into_iter()
                .map(|i| convert(i, offsets))
                .collect::<Result<_, _>>()?,
        ),
        YamlData::Mapping(map) => {
            let mut props: Vec<Prop> = Vec::with_capacity(map.len());
            for (k, v) in map {
                let key_span = offsets.span(&k.span.start, &k.span.end);
                let key = match convert(k, offsets)?.kind {
                    Kind::String(s) => s,
                    Kind::Number(n) => crate::terraform::value::format_number(n),
                    Kind::Bool(b) => b.to_string(),
                    Kind::Null => "null".into(),
                    _ => {
                        return Err(JsonError {
                            span: key_span,
                            message: "a mapping key must be a plain value".into(),
                        })
                    }
                };
                props.push(Prop {
                    key,
                    key_span,
                    value: convert(v, offsets)?,
                });
            }
            Kind::Object(props)
        }
        YamlData::Tagged(tag, inner) => {
            let inner = convert(*inner, offsets)?;
            if tag.handle != "!" {
                // Core schema tags (`!!str`) and others: the value as it is.
                return Ok(inner);
            }
            let (key, value) = short_form(&tag.suffix, inner);
            Kind::Object(vec![Prop {
                key,
                key_span: span.clone(),
                value,
            }])
        }
        YamlData::Alias(_) => Kind::Null,
        YamlData::BadValue => {
            return Err(JsonError {
                span,
                message: "a value here cannot be read (an unknown alias, or a scalar that does not match its tag)".into(),
            })
        }
    };
    Ok(Node { span, kind })
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
