//! Terraform's built-in functions, on evaluated arguments, one file per family.
//!
//! Each function follows Terraform 1.9's behaviour on known arguments. An unknown argument (or one
//! of the wrong type, or a call Terraform would reject) makes the result Unknown: never an error,
//! never a guess. A few functions see through unknowns where Terraform knows the answer anyway
//! (`length` of a list with unknown elements, `coalesce` with a known first value, `lookup` of a
//! present key with an unknown default, `anytrue` with a known `true`).
//!
//! Functions that read files (`file`, `filebase64`, `filesha256`, `fileset`, `templatefile`, …)
//! and `templatestring` need the evaluator and live in `eval/files.rs`; they use the digests and
//! encoders here. Only what Terraform itself learns at apply (`timestamp`, `uuid`, `bcrypt`,
//! `plantimestamp`) and what preflight does not track (`issensitive`, `rsadecrypt`'s private keys)
//! stays Unknown.

mod collections;
mod conversion;
mod datetime;
mod encoding;
pub(crate) mod filesystem;
pub(crate) mod hash;
mod ip;
mod numeric;
mod strings;

pub(crate) use encoding::b64 as encoding_b64;

use super::value::{format_number, Value};

/// Longest string a function builds; longer results are Unknown. A result this size could only come
/// from a function that multiplies its input (`replace` with an empty pattern, `join` with a long
/// separator), which the evaluator's size budget sees only after the string exists.
pub const MAX_RESULT_BYTES: usize = 64 * 1024 * 1024;

/// The value budget assumed by [`call`] (the evaluator passes what is left of its own).
const DEFAULT_NODES: u64 = 4_000_000;

/// What one call may build: results larger than the value nodes left are Unknown before they are
/// built (`setproduct` of a few large sets, `range`, `chunklist`…).
#[derive(Clone, Copy)]
pub(crate) struct Cx {
    nodes: u64,
}

impl Cx {
    /// `Some` when `n` new values fit in the budget.
    fn items(&self, n: u128) -> Option<()> {
        (n <= u128::from(self.nodes)).then_some(())
    }

    /// `Some` when a string of `n` bytes fits in the budget and under [`MAX_RESULT_BYTES`].
    fn bytes(&self, n: usize) -> Option<()> {
        let nodes = (n / super::value::BYTES_PER_NODE) as u128;
        (n <= MAX_RESULT_BYTES && nodes <= u128::from(self.nodes)).then_some(())
    }
}

/// Functions that decide for themselves what an unknown argument means; every other function is
/// Unknown as soon as one argument is (its collections may still hold unknown elements).
const SEE_UNKNOWN: &[&str] = &[
    "try",
    "can",
    "coalesce",
    "jsonencode",
    "jsondecode",
    "lookup",
    "sensitive",
    "nonsensitive",
    "tostring",
];

/// Calls the function `name` with the default value budget.
pub fn call(name: &str, args: Vec<Value>) -> Value {
    call_within(name, args, DEFAULT_NODES)
}

/// Calls the function `name`; a result of more than `nodes_left` value nodes is Unknown.
pub fn call_within(name: &str, args: Vec<Value>, nodes_left: u64) -> Value {
    let cx = Cx { nodes: nodes_left };
    if !SEE_UNKNOWN.contains(&name) && args.iter().any(opaque) {
        return Value::Unknown;
    }
    let result = if strings::NAMES.contains(&name) {
        strings::call(name, args, cx)
    } else if numeric::NAMES.contains(&name) {
        numeric::call(name, args, cx)
    } else if collections::NAMES.contains(&name) {
        collections::call(name, args, cx)
    } else if encoding::NAMES.contains(&name) {
        encoding::call(name, args, cx)
    } else if ip::NAMES.contains(&name) {
        ip::call(name, args, cx)
    } else if hash::NAMES.contains(&name) {
        hash::call(name, args, cx)
    } else if conversion::NAMES.contains(&name) {
        conversion::call(name, args, cx)
    } else if filesystem::NAMES.contains(&name) {
        filesystem::call(name, args, cx)
    } else if datetime::NAMES.contains(&name) {
        datetime::call(name, args, cx)
    } else {
        None
    };
    result.unwrap_or(Value::Unknown)
}

/// Every function evaluated here (the file-reading ones of `eval/files.rs` excepted).
pub fn names() -> Vec<&'static str> {
    [
        strings::NAMES,
        numeric::NAMES,
        collections::NAMES,
        encoding::NAMES,
        ip::NAMES,
        hash::NAMES,
        conversion::NAMES,
        filesystem::NAMES,
        datetime::NAMES,
    ]
    .concat()
}

/// Whether an Unknown result of `name` on known arguments means the call failed, as it would in
/// Terraform (`try` then moves on), rather than a function preflight does not evaluate.
pub fn fails_on_known(name: &str) -> bool {
    !UNKNOWN_BY_DESIGN.iter().any(|(n, _)| *n == name) && names().contains(&name)
}

/// Built-ins that stay Unknown, and why (for documentation and the tests).
pub const UNKNOWN_BY_DESIGN: &[(&str, &str)] = &[
    ("timestamp", "the time of the apply"),
    ("plantimestamp", "the time of the plan"),
    ("uuid", "a random value chosen at apply"),
    ("bcrypt", "salted with random bytes at apply"),
    (
        "rsadecrypt",
        "needs a private key, a secret preflight does not decrypt with",
    ),
    ("issensitive", "preflight does not track sensitivity marks"),
    ("type", "only available in `terraform console`"),
];

/// Unknown at the top: the argument itself, not just part of it, is unknown.
fn opaque(v: &Value) -> bool {
    matches!(v, Value::Unknown | Value::Ref(_) | Value::Json(_))
}

/// True when `v` holds [`Value::Unknown`] or a [`Value::Json`] anywhere: a value that may turn out
/// equal to any other. References to resource attributes are taken as distinct from each other
/// (unless the same) and from literals.
fn has_unknown(v: &Value) -> bool {
    match v {
        Value::Unknown | Value::Json(_) => true,
        Value::List(items) => items.iter().any(has_unknown),
        Value::Object(map) => map.values().any(has_unknown),
        _ => false,
    }
}

/// Exactly `n` arguments.
fn arity(args: &[Value], n: usize) -> Option<()> {
    (args.len() == n).then_some(())
}

/// A string parameter: strings, and numbers and bools converted as Terraform does; not null.
fn string_arg(v: &Value) -> Option<String> {
    v.to_template_string()
}

/// A number parameter: numbers and numeric strings.
fn number_arg(v: &Value) -> Option<f64> {
    let n = v.as_number()?;
    n.is_finite().then_some(n)
}

/// A whole-number parameter.
fn int_arg(v: &Value) -> Option<i64> {
    let n = number_arg(v)?;
    (n.fract() == 0.0 && n.abs() < 9.2e18).then_some(n as i64)
}

/// A finite number result.
fn number(n: f64) -> Option<Value> {
    n.is_finite()
        .then_some(Value::Number(if n == 0.0 { 0.0 } else { n }))
}

/// The grapheme clusters of `s`: what Terraform calls characters.
fn graphemes(s: &str) -> Vec<&str> {
    unicode_segmentation::UnicodeSegmentation::graphemes(s, true).collect()
}

/// A string as Go's `encoding/json` writes it: `<`, `>` and `&` escaped too, as Terraform does.
fn json_quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `jsonencode` of a known value, as Terraform writes it: no spaces, object keys sorted, numbers
/// without exponent. `None` when part of it is unknown or the text would exceed the budget.
fn json_text(v: &Value, cx: Cx) -> Option<String> {
    fn walk(v: &Value, out: &mut String, cx: Cx) -> Option<()> {
        cx.bytes(out.len())?;
        match v {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) if n.is_finite() => out.push_str(&format_number(*n)),
            Value::String(s) => json_quote(s, out),
            Value::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    walk(item, out, cx)?;
                }
                out.push(']');
            }
            Value::Object(map) => {
                out.push('{');
                for (i, (k, item)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    json_quote(k, out);
                    out.push(':');
                    walk(item, out, cx)?;
                }
                out.push('}');
            }
            _ => return None,
        }
        Some(())
    }
    let mut out = String::new();
    walk(v, &mut out, cx)?;
    cx.bytes(out.len())?;
    Some(out)
}

/// A set's elements as Terraform orders them: duplicates removed, strings and numbers sorted
/// (other element types keep their first-seen order). `None` when an unknown element could equal
/// another, so that the set's size is not known.
fn set_of(mut items: Vec<Value>) -> Option<Vec<Value>> {
    if items.len() > 1 && items.iter().any(has_unknown) {
        return None;
    }
    dedup(&mut items);
    if items.iter().all(|v| matches!(v, Value::String(_))) {
        items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    } else if items.iter().all(|v| matches!(v, Value::Number(_))) {
        items.sort_by(|a, b| {
            let (x, y) = (a.as_number().unwrap_or(0.0), b.as_number().unwrap_or(0.0));
            x.total_cmp(&y)
        });
    }
    Some(items)
}

/// Elements of one collection converted to one type, as Terraform does for lists, sets and maps
/// built from tuples and objects: mixed strings, numbers and bools all become strings. `None` when
/// numbers and bools are mixed without strings, or primitives with collections.
fn unify(items: Vec<&mut Value>) -> Option<()> {
    let kinds = |f: fn(&Value) -> bool| items.iter().any(|v| f(v));
    let strings = kinds(|v| matches!(v, Value::String(_)));
    let numbers = kinds(|v| matches!(v, Value::Number(_)));
    let bools = kinds(|v| matches!(v, Value::Bool(_)));
    let others = kinds(|v| matches!(v, Value::List(_) | Value::Object(_)));
    let primitive_kinds = usize::from(strings) + usize::from(numbers) + usize::from(bools);
    if primitive_kinds <= 1 && !(others && primitive_kinds > 0) {
        return Some(());
    }
    if others || !strings {
        return None;
    }
    for v in items {
        if let Some(s) = v.to_template_string() {
            *v = Value::String(s);
        }
    }
    Some(())
}

/// Removes later duplicates, keeping the first of each value in order. Hashing keeps it linear:
/// a set of 100,000 strings took 9 s with a scan of the kept values per item.
pub(crate) fn dedup(items: &mut Vec<Value>) {
    use std::hash::BuildHasher;
    let hasher = std::collections::hash_map::RandomState::new();
    // Hash → indexes (into the kept prefix) of the values with that hash.
    let mut seen: std::collections::HashMap<u64, Vec<usize>> =
        std::collections::HashMap::with_capacity(items.len());
    let mut kept = 0;
    for i in 0..items.len() {
        let h = {
            let mut state = hasher.build_hasher();
            items[i].hash_into(&mut state);
            std::hash::Hasher::finish(&state)
        };
        let same = seen.entry(h).or_default();
        if same.iter().any(|&j| items[j] == items[i]) {
            continue;
        }
        same.push(kept);
        items.swap(kept, i);
        kept += 1;
    }
    items.truncate(kept);
}

#[cfg(test)]
mod tests;
