//! Text with unknown parts ("holes") that may be JSON: a heredoc policy with one unresolved ARN, a
//! CloudFormation `Fn::Sub` whose JSON names a parameter without a default.
//!
//! The text is rendered with a sentinel character where each unknown part goes. When the result, with
//! the sentinels that stand outside a JSON string quoted, parses as JSON, it becomes a
//! [`Value::Json`]: the structure is known, every string that holds a sentinel is
//! [`Value::Unknown`], and so is an object with an unknown key. Otherwise the whole text is unknown, as
//! any string with an unknown part is.
//!
//! Knows nothing of policies or of where the text came from.

use super::value::Value;

/// Stands for an unknown part. A private-use character: text that holds one itself is not read.
const HOLE: char = '\u{E000}';

/// A string being built from known text and unknown parts.
#[derive(Debug, Default)]
pub struct HoleText {
    text: String,
    holes: usize,
    /// The known text itself holds the sentinel: the holes could not be told apart from it.
    tainted: bool,
}

impl HoleText {
    pub fn new() -> HoleText {
        HoleText::default()
    }

    pub fn push_str(&mut self, s: &str) {
        if s.contains(HOLE) {
            self.tainted = true;
        }
        self.text.push_str(s);
    }

    /// An unknown part.
    pub fn push_hole(&mut self) {
        self.holes += 1;
        self.text.push(HOLE);
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn has_holes(&self) -> bool {
        self.holes > 0
    }

    /// The rendered text: a string when every part is known; when some are, the JSON structure it
    /// holds with the unknown strings unknown, or unknown as a whole when it is not JSON.
    pub fn finish(self) -> Value {
        if self.holes == 0 {
            return Value::String(self.text);
        }
        if self.tainted {
            return Value::Unknown;
        }
        match parse(&self.text) {
            Some(structure) => Value::Json(Box::new(structure)),
            None => Value::Unknown,
        }
    }

    /// The text as JSON with its sentinels, each standing outside a JSON string quoted, and the
    /// offsets (in [`HoleText::as_str`]) before which a quote was inserted; `None` when the known text
    /// holds the sentinel itself.
    pub fn json_text(&self) -> Option<(String, Vec<usize>)> {
        if self.tainted {
            return None;
        }
        let mut inserted = Vec::new();
        let text = quote_bare_holes(&self.text, &mut inserted);
        Some((text, inserted))
    }

    /// The text rendered so far, a sentinel for each unknown part.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// Whether a string read from [`HoleText::json_text`] stands for an unknown part.
pub fn is_hole(s: &str) -> bool {
    s.contains(HOLE)
}

/// The JSON structure of a text with holes, when it is an object or an array.
fn parse(text: &str) -> Option<Value> {
    let trimmed = text.trim_start();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return None;
    }
    let json: serde_json::Value =
        serde_json::from_str(&quote_bare_holes(text, &mut Vec::new())).ok()?;
    Some(to_value(&json))
}

/// Quotes every sentinel that stands outside a JSON string, so that a whole unknown value
/// (`"Resource": ${jsonencode(var.arns)}`) reads as one unknown string.
/// `inserted` receives the offsets in `text` before which a quote went in.
fn quote_bare_holes(text: &str, inserted: &mut Vec<usize>) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let (mut in_string, mut escaped) = (false, false);
    for (at, c) in text.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            out.push(c);
        } else if c == HOLE {
            inserted.extend([at, at + HOLE.len_utf8()]);
            out.push('"');
            out.push(HOLE);
            out.push('"');
        } else {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

/// JSON to a value, each string holding a sentinel unknown, each object with such a key unknown.
/// (serde_json stops nesting at 128 levels, which bounds this recursion.)
fn to_value(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::String(s) if is_hole(s) => Value::Unknown,
        serde_json::Value::Array(items) => Value::List(items.iter().map(to_value).collect()),
        serde_json::Value::Object(map) => {
            if map.keys().any(|k| is_hole(k)) {
                return Value::Unknown;
            }
            Value::Object(map.iter().map(|(k, v)| (k.clone(), to_value(v))).collect())
        }
        other => Value::from_json(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(parts: &[Option<&str>]) -> Value {
        let mut t = HoleText::new();
        for p in parts {
            match p {
                Some(s) => t.push_str(s),
                None => t.push_hole(),
            }
        }
        t.finish()
    }

    fn inner(v: Value) -> Value {
        match v {
            Value::Json(inner) => *inner,
            other => panic!("not a partly known document: {other:?}"),
        }
    }

    #[test]
    fn known_text_is_a_string() {
        assert_eq!(text(&[Some("a"), Some("b")]), Value::str("ab"));
    }

    #[test]
    fn an_unknown_part_of_a_string_makes_only_that_string_unknown() {
        let v = inner(text(&[
            Some(r#"{"Statement":[{"Principal":"*","Resource":"arn:aws:s3:::"#),
            None,
            Some(r#"/*"}]}"#),
        ]));
        let st = &v.as_object().unwrap()["Statement"].as_list().unwrap()[0];
        let st = st.as_object().unwrap();
        assert_eq!(st["Principal"], Value::str("*"));
        assert_eq!(st["Resource"], Value::Unknown);
    }

    #[test]
    fn an_unknown_value_outside_a_string_is_one_unknown_value() {
        let v = inner(text(&[
            Some(r#"{"Action":"s3:*","Resource":"#),
            None,
            Some(r#","List":["a","#),
            None,
            Some("]}"),
        ]));
        let m = v.as_object().unwrap();
        assert_eq!(m["Action"], Value::str("s3:*"));
        assert_eq!(m["Resource"], Value::Unknown);
        assert_eq!(
            m["List"],
            Value::List(vec![Value::str("a"), Value::Unknown])
        );
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let v = inner(text(&[Some(r#"{"a":"x\"y"#), None, Some(r#"","b":1}"#)]));
        let m = v.as_object().unwrap();
        assert_eq!(m["a"], Value::Unknown);
        assert_eq!(m["b"], Value::Number(1.0));
    }

    #[test]
    fn an_unknown_key_makes_its_object_unknown() {
        let v = inner(text(&[
            Some(r#"{"Condition":{"StringEquals":{""#),
            None,
            Some(r#"":"x"}}}"#),
        ]));
        let c = &v.as_object().unwrap()["Condition"];
        assert_eq!(c.as_object().unwrap()["StringEquals"], Value::Unknown);
    }

    #[test]
    fn text_that_is_not_json_stays_unknown() {
        assert_eq!(
            text(&[Some("arn:aws:s3:::"), None, Some("/*")]),
            Value::Unknown
        );
        assert_eq!(text(&[Some("{not json "), None]), Value::Unknown);
        assert_eq!(text(&[None]), Value::Unknown);
    }

    #[test]
    fn known_text_holding_the_sentinel_is_not_read() {
        assert_eq!(
            text(&[Some("{\"a\":\"\u{E000}\",\"b\":\""), None, Some("\"}")]),
            Value::Unknown
        );
    }
}
