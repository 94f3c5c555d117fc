//! Type conversion functions: `can`, `nonsensitive`, `sensitive`, `tobool`, `tolist`, `tomap`,
//! `tonumber`, `toset`, `tostring`, `try`.
//!
//! `try` and `can` work on evaluated arguments: evaluation never fails, it yields Unknown instead,
//! so `try` returns its first known argument. Sensitivity is not tracked: `sensitive` and
//! `nonsensitive` pass their argument through.

use super::{arity, opaque, set_of, string_arg, unify, Cx};
use crate::terraform::value::Value;

pub(super) const NAMES: &[&str] = &[
    "can",
    "nonsensitive",
    "sensitive",
    "tobool",
    "tolist",
    "tomap",
    "tonumber",
    "toset",
    "tostring",
    "try",
];

pub(super) fn call(name: &str, mut args: Vec<Value>, _cx: Cx) -> Option<Value> {
    if name == "try" {
        // A reference to another resource's attribute evaluated without error: it is the value, known
        // only after apply (`try(each.value.source_arn, null)` with a rule's ARN), not a failure.
        return args
            .into_iter()
            .find(|v| v.is_known() || matches!(v, Value::Ref(_)));
    }
    arity(&args, 1)?;
    let v = args.pop()?;
    Some(match (name, v) {
        ("can", v) => {
            if !v.is_known() {
                return None;
            }
            Value::Bool(true)
        }
        ("sensitive" | "nonsensitive", v) => v,
        (_, Value::Null) => Value::Null,
        ("tostring", v @ Value::Ref(_)) => v,
        (_, v) if opaque(&v) => return None,
        ("tostring", v) => Value::String(string_arg(&v)?),
        ("tobool", v) => Value::Bool(v.as_bool()?),
        ("tonumber", Value::Number(n)) => Value::Number(n),
        ("tonumber", Value::String(s)) => Value::Number(parse_number(&s)?),
        ("tolist" | "toset", Value::List(mut items)) => {
            unify(items.iter_mut().collect())?;
            if name == "toset" {
                items = set_of(items)?;
            }
            Value::List(items)
        }
        ("tomap", Value::Object(mut map)) => {
            unify(map.values_mut().collect())?;
            Value::Object(map)
        }
        _ => return None,
    })
}

/// A number in Terraform's string syntax: decimal, with an optional sign, fraction and exponent.
fn parse_number(s: &str) -> Option<f64> {
    let body = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('+'))
        .unwrap_or(s);
    let ok = body
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    let n: f64 = if ok { s.parse().ok()? } else { return None };
    n.is_finite().then_some(n)
}
