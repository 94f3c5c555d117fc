//! Encoding functions: `base64decode`, `base64encode`, `base64gzip`, `csvdecode`, `jsondecode`,
//! `jsonencode`, `textdecodebase64`, `textencodebase64`, `urlencode`, `yamldecode`, `yamlencode`.

use super::{arity, json_text, string_arg, Cx};
use crate::json::{Kind, Node};
use crate::terraform::value::{format_number, Value};
use base64::Engine;
use std::collections::BTreeMap;

pub(super) const NAMES: &[&str] = &[
    "base64decode",
    "base64encode",
    "base64gzip",
    "csvdecode",
    "jsondecode",
    "jsonencode",
    "textdecodebase64",
    "textencodebase64",
    "urlencode",
    "yamldecode",
    "yamlencode",
];

/// Standard base64 with padding, as Go's `base64.StdEncoding`.
pub(crate) fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub(super) fn call(name: &str, mut args: Vec<Value>, cx: Cx) -> Option<Value> {
    arity(&args, if name.starts_with("text") { 2 } else { 1 })?;
    let s = |i: usize| args.get(i).and_then(string_arg);
    let text = |t: String| cx.bytes(t.len()).map(|_| Value::String(t));
    match name {
        "jsonencode" => {
            let v = args.pop()?;
            if v.is_known() {
                text(json_text(&v, cx)?)
            } else {
                // The text is unknown, but its structure is kept for policy documents.
                Some(Value::Json(Box::new(v)))
            }
        }
        "jsondecode" => match args.pop()? {
            Value::Json(inner) => Some(*inner),
            Value::String(s) => {
                let json: serde_json::Value = serde_json::from_str(&s).ok()?;
                let v = Value::from_json(&json);
                v.is_known().then_some(v)
            }
            _ => None,
        },
        "base64encode" => text(b64(s(0)?.as_bytes())),
        "base64decode" => String::from_utf8(decode64(&s(0)?)?).ok().map(Value::String),
        "base64gzip" => {
            use std::io::Write;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(s(0)?.as_bytes()).ok()?;
            text(b64(&gz.finish().ok()?))
        }
        "urlencode" => text(urlencode(&s(0)?)),
        "textencodebase64" => text(b64(&encode_text(&s(0)?, &s(1)?)?)),
        "textdecodebase64" => decode_text(&decode64(&s(0)?)?, &s(1)?).map(Value::String),
        "csvdecode" => csvdecode(&s(0)?, cx),
        "yamldecode" => {
            let node = crate::yaml::parse(&s(0)?).ok()?;
            Some(from_node(node))
        }
        "yamlencode" => text(yaml(args.first()?, 0)?),
        _ => None,
    }
}

fn decode64(s: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD.decode(s).ok()
}

/// Go's `url.QueryEscape`: letters, digits and `-_.~` kept, spaces as `+`, the rest `%XX`.
fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The character encodings `textencodebase64` and `textdecodebase64` know here (IANA names, any
/// case); others are Unknown.
enum Encoding {
    Utf8,
    Utf16(bool),
    Latin1,
    Ascii,
    Other(&'static encoding_rs::Encoding),
}

fn encoding(name: &str) -> Option<Encoding> {
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "utf-8" | "utf8" => Encoding::Utf8,
        "utf-16le" => Encoding::Utf16(false),
        "utf-16be" => Encoding::Utf16(true),
        "iso-8859-1" | "latin1" | "iso_8859-1" => Encoding::Latin1,
        "us-ascii" | "ascii" => Encoding::Ascii,
        // Encodings whose WHATWG tables (encoding_rs) are the ones Go's decoders use.
        "windows-1250" | "windows-1251" | "windows-1252" | "windows-1253" | "windows-1254"
        | "windows-1255" | "windows-1256" | "windows-1257" | "windows-1258" | "iso-8859-2"
        | "iso-8859-3" | "iso-8859-4" | "iso-8859-5" | "iso-8859-6" | "iso-8859-7"
        | "iso-8859-8" | "iso-8859-10" | "iso-8859-13" | "iso-8859-14" | "iso-8859-15"
        | "iso-8859-16" | "koi8-r" | "koi8-u" | "shift_jis" | "euc-jp" | "euc-kr" | "gbk"
        | "gb18030" | "big5" => {
            Encoding::Other(encoding_rs::Encoding::for_label(lower.as_bytes())?)
        }
        _ => return None,
    })
}

fn encode_text(s: &str, name: &str) -> Option<Vec<u8>> {
    Some(match encoding(name)? {
        Encoding::Utf8 => s.as_bytes().to_vec(),
        Encoding::Utf16(big) => s
            .encode_utf16()
            .flat_map(|u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect(),
        Encoding::Latin1 => s
            .chars()
            .map(|c| u8::try_from(c as u32).ok())
            .collect::<Option<_>>()?,
        Encoding::Ascii => s
            .chars()
            .map(|c| c.is_ascii().then_some(c as u8))
            .collect::<Option<_>>()?,
        Encoding::Other(enc) => {
            let (bytes, _, errors) = enc.encode(s);
            if errors {
                return None;
            }
            bytes.into_owned()
        }
    })
}

fn decode_text(bytes: &[u8], name: &str) -> Option<String> {
    match encoding(name)? {
        Encoding::Utf8 => String::from_utf8(bytes.to_vec()).ok(),
        Encoding::Utf16(big) => {
            if bytes.len() % 2 != 0 {
                return None;
            }
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|p| {
                    let pair = [p[0], p[1]];
                    if big {
                        u16::from_be_bytes(pair)
                    } else {
                        u16::from_le_bytes(pair)
                    }
                })
                .collect();
            String::from_utf16(&units).ok()
        }
        Encoding::Latin1 => Some(bytes.iter().map(|b| char::from(*b)).collect()),
        Encoding::Ascii => bytes
            .iter()
            .map(|b| b.is_ascii().then_some(char::from(*b)))
            .collect(),
        Encoding::Other(enc) => {
            let (text, errors) = enc.decode_without_bom_handling(bytes);
            (!errors).then(|| text.into_owned())
        }
    }
}

/// `csvdecode`: RFC 4180 CSV with a header line; a list of objects keyed by the header. A row with
/// another number of fields than the header is an error.
fn csvdecode(s: &str, cx: Cx) -> Option<Value> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(s.as_bytes());
    let headers: Vec<String> = reader.headers().ok()?.iter().map(str::to_string).collect();
    if headers.is_empty() {
        return None;
    }
    let mut rows = Vec::new();
    let mut count: u128 = 0;
    for record in reader.records() {
        let record = record.ok()?;
        if record.len() != headers.len() {
            return None;
        }
        count += headers.len() as u128 + 1;
        cx.items(count)?;
        let row: BTreeMap<String, Value> = headers
            .iter()
            .zip(record.iter())
            .map(|(k, v)| (k.clone(), Value::str(v)))
            .collect();
        rows.push(Value::Object(row));
    }
    Some(Value::List(rows))
}

/// A YAML (or JSON) document read by [`crate::yaml`] as a value.
fn from_node(node: Node) -> Value {
    match node.kind {
        Kind::Null => Value::Null,
        Kind::Bool(b) => Value::Bool(b),
        Kind::Number(n) => Value::Number(n),
        Kind::String(s) => Value::String(s),
        Kind::Array(items) => Value::List(items.into_iter().map(from_node).collect()),
        Kind::Object(props) => Value::Object(
            props
                .into_iter()
                .map(|p| (p.key, from_node(p.value)))
                .collect(),
        ),
    }
}

/// YAML for a known value, in the block style `yamlencode` writes; `None` for unknown parts.
fn yaml(v: &Value, indent: usize) -> Option<String> {
    let pad = "  ".repeat(indent);
    let scalar = |v: &Value| -> Option<String> {
        Some(match v {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => format_number(*n),
            Value::String(s) => serde_json::to_string(s).ok()?,
            _ => return None,
        })
    };
    match v {
        Value::List(items) if items.is_empty() => Some("[]\n".into()),
        Value::Object(map) if map.is_empty() => Some("{}\n".into()),
        Value::List(items) => {
            let mut out = String::new();
            for item in items {
                match item {
                    Value::List(_) | Value::Object(_) => {
                        let inner = yaml(item, indent + 1)?;
                        out.push_str(&format!("{pad}-\n{inner}"));
                    }
                    other => out.push_str(&format!("{pad}- {}\n", scalar(other)?)),
                }
            }
            Some(out)
        }
        Value::Object(map) => {
            let mut out = String::new();
            for (k, item) in map {
                let key = serde_json::to_string(k).ok()?;
                match item {
                    Value::List(l) if !l.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n{}", yaml(item, indent + 1)?))
                    }
                    Value::Object(m) if !m.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n{}", yaml(item, indent + 1)?))
                    }
                    Value::List(_) | Value::Object(_) => {
                        out.push_str(&format!("{pad}{key}: {}", yaml(item, 0)?))
                    }
                    other => out.push_str(&format!("{pad}{key}: {}\n", scalar(other)?)),
                }
            }
            Some(out)
        }
        other => Some(format!("{}\n", scalar(other)?)),
    }
}
