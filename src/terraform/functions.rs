//! Terraform's built-in functions, on evaluated arguments.
//!
//! Each function follows Terraform's documented behaviour on known arguments; with an unknown argument
//! (or one of the wrong type) the result is Unknown. A function not listed here is Unknown too: never an
//! error, never a guess.

use super::value::{format_number, Value};
use std::collections::BTreeMap;

/// Longest string a function builds; longer results are Unknown. A result this size could only come
/// from a function that multiplies its input (`replace` with an empty pattern, `join` with a long
/// separator), which the evaluator's size budget sees only after the string exists.
pub const MAX_RESULT_BYTES: usize = 64 * 1024 * 1024;

/// Calls the function `name`. `try` and `can` work on the evaluated arguments: evaluation never fails,
/// it yields Unknown instead, so `try` returns its first known argument.
pub fn call(name: &str, args: Vec<Value>) -> Value {
    call_known(name, args).unwrap_or(Value::Unknown)
}

fn call_known(name: &str, mut args: Vec<Value>) -> Option<Value> {
    // Functions that accept unknown arguments.
    match name {
        "try" => return args.into_iter().find(Value::is_known),
        "can" => {
            return args
                .first()
                .filter(|v| v.is_known())
                .map(|_| Value::Bool(true))
        }
        "jsonencode" => {
            let v = args.pop()?;
            return Some(match v.to_json() {
                Some(json) => Value::String(serde_json::to_string(&json).ok()?),
                None => Value::Json(Box::new(v)),
            });
        }
        "jsondecode" => {
            return match args.pop()? {
                Value::Json(inner) => Some(*inner),
                Value::String(s) => serde_json::from_str(&s).ok().map(|j| Value::from_json(&j)),
                _ => None,
            }
        }
        "coalesce" => {
            for a in args {
                match a {
                    Value::Null => continue,
                    Value::String(ref s) if s.is_empty() => continue,
                    a if a.is_known() => return Some(a),
                    _ => return None,
                }
            }
            return None;
        }
        _ => {}
    }
    // Every other function needs primitives it can see; collections may still hold unknowns.
    if args
        .iter()
        .any(|a| matches!(a, Value::Unknown | Value::Ref(_) | Value::Json(_)))
    {
        return None;
    }
    let s = |i: usize| args.get(i).and_then(Value::to_template_string);
    let n = |i: usize| args.get(i).and_then(Value::as_number);
    Some(match name {
        "lower" => Value::String(s(0)?.to_lowercase()),
        "upper" => Value::String(s(0)?.to_uppercase()),
        "trimspace" => Value::String(s(0)?.trim().to_string()),
        "tostring" => match args.first()? {
            Value::Null => Value::Null,
            _ => Value::String(s(0)?),
        },
        "tonumber" => Value::Number(n(0)?),
        "tobool" => Value::Bool(args.first()?.as_bool()?),
        "tolist" | "toset" => {
            let mut items = args.into_iter().next()?.as_list()?.to_vec();
            if name == "toset" {
                dedup(&mut items);
            }
            Value::List(items)
        }
        "tomap" => Value::Object(args.into_iter().next()?.as_object()?.clone()),
        "startswith" => Value::Bool(s(0)?.starts_with(&s(1)?)),
        "endswith" => Value::Bool(s(0)?.ends_with(&s(1)?)),
        "replace" => {
            let (text, from, to) = (s(0)?, s(1)?, s(2)?);
            if from.len() > 1 && from.starts_with('/') && from.ends_with('/') {
                return None; // regular expression form
            }
            if to.len() > from.len() {
                let grows = text.matches(from.as_str()).count() * (to.len() - from.len());
                if text.len() + grows > MAX_RESULT_BYTES {
                    return None;
                }
            }
            Value::String(text.replace(&from, &to))
        }
        "substr" => {
            let text = s(0)?;
            let chars: Vec<char> = text.chars().collect();
            let offset = n(1)? as i64;
            let length = n(2)? as i64;
            let start = if offset < 0 {
                (chars.len() as i64 + offset).max(0)
            } else {
                offset.min(chars.len() as i64)
            } as usize;
            let end = if length < 0 {
                chars.len()
            } else {
                (start + length as usize).min(chars.len())
            };
            Value::String(chars[start..end].iter().collect())
        }
        "join" => {
            let sep = s(0)?;
            let mut parts = Vec::new();
            let mut len = 0;
            for list in &args[1..] {
                for item in list.as_list()? {
                    let part = item.to_template_string()?;
                    len += part.len() + sep.len();
                    if len > MAX_RESULT_BYTES {
                        return None;
                    }
                    parts.push(part);
                }
            }
            Value::String(parts.join(&sep))
        }
        "split" => Value::List(s(1)?.split(s(0)?.as_str()).map(Value::str).collect()),
        "format" => Value::String(format(&s(0)?, &args[1..])?),
        "length" => Value::Number(match args.first()? {
            Value::List(items) => items.len(),
            Value::Object(map) => map.len(),
            Value::String(text) => text.chars().count(),
            _ => return None,
        } as f64),
        "concat" => {
            let mut out = Vec::new();
            for a in &args {
                out.extend(a.as_list()?.iter().cloned());
            }
            Value::List(out)
        }
        "merge" => {
            let mut out = BTreeMap::new();
            for a in args {
                match a {
                    Value::Object(map) => out.extend(map),
                    Value::Null => {}
                    _ => return None,
                }
            }
            Value::Object(out)
        }
        "flatten" => {
            fn flat(v: &Value, out: &mut Vec<Value>) {
                match v {
                    Value::List(items) => items.iter().for_each(|i| flat(i, out)),
                    other => out.push(other.clone()),
                }
            }
            let mut out = Vec::new();
            flat(args.first()?, &mut out);
            Value::List(out)
        }
        "distinct" => {
            let mut items = args.first()?.as_list()?.to_vec();
            dedup(&mut items);
            Value::List(items)
        }
        "compact" => Value::List(
            args.first()?
                .as_list()?
                .iter()
                .filter(|v| !matches!(v, Value::Null) && v.as_str() != Some(""))
                .cloned()
                .collect(),
        ),
        "coalescelist" => args
            .into_iter()
            .find(|a| a.as_list().is_some_and(|l| !l.is_empty()))?,
        "contains" => Value::Bool(args.first()?.as_list()?.contains(args.get(1)?)),
        "index" => Value::Number(
            args.first()?
                .as_list()?
                .iter()
                .position(|v| Some(v) == args.get(1))? as f64,
        ),
        "element" => {
            let items = args.first()?.as_list()?;
            if items.is_empty() {
                return None;
            }
            let i = n(1)?;
            if i < 0.0 {
                return None;
            }
            items[(i as usize) % items.len()].clone()
        }
        "keys" => Value::List(args.first()?.as_object()?.keys().map(Value::str).collect()),
        "values" => Value::List(args.first()?.as_object()?.values().cloned().collect()),
        "lookup" => {
            let map = args.first()?.as_object()?;
            match map.get(&s(1)?) {
                Some(v) => v.clone(),
                None => args.get(2)?.clone(),
            }
        }
        "zipmap" => {
            let keys = args.first()?.as_list()?;
            let values = args.get(1)?.as_list()?;
            if keys.len() != values.len() {
                return None;
            }
            Value::Object(
                keys.iter()
                    .zip(values)
                    .map(|(k, v)| Some((k.to_template_string()?, v.clone())))
                    .collect::<Option<_>>()?,
            )
        }
        "range" => {
            let (start, end, step) = match args.len() {
                1 => (0.0, n(0)?, 1.0),
                2 => (n(0)?, n(1)?, 1.0),
                3 => (n(0)?, n(1)?, n(2)?),
                _ => return None,
            };
            if step == 0.0 || ((end - start) / step) > 100_000.0 {
                return None;
            }
            let mut out = Vec::new();
            let mut x = start;
            while (step > 0.0 && x < end) || (step < 0.0 && x > end) {
                out.push(Value::Number(x));
                x += step;
            }
            Value::List(out)
        }
        "yamlencode" => Value::String(yaml(args.first()?, 0)?),
        "cidrsubnet" => Value::String(cidrsubnet(&s(0)?, n(1)?, n(2)?)?),
        "cidrhost" => Value::String(cidrhost(&s(0)?, n(1)?)?),
        "abs" => Value::Number(n(0)?.abs()),
        "max" => Value::Number(
            (0..args.len())
                .map(n)
                .collect::<Option<Vec<_>>>()?
                .into_iter()
                .fold(f64::NEG_INFINITY, f64::max),
        ),
        "min" => Value::Number(
            (0..args.len())
                .map(n)
                .collect::<Option<Vec<_>>>()?
                .into_iter()
                .fold(f64::INFINITY, f64::min),
        ),
        _ => return None,
    })
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

/// An IPv4 or IPv6 prefix as (address bits, prefix length, bit width).
fn parse_cidr(prefix: &str) -> Option<(u128, u32, u32)> {
    let (addr, len) = prefix.split_once('/')?;
    let len: u32 = len.parse().ok()?;
    if let Ok(v4) = addr.parse::<std::net::Ipv4Addr>() {
        (len <= 32).then_some((u128::from(u32::from(v4)), len, 32))
    } else {
        let v6 = addr.parse::<std::net::Ipv6Addr>().ok()?;
        (len <= 128).then_some((u128::from(v6), len, 128))
    }
}

fn format_addr(bits: u128, width: u32) -> String {
    if width == 32 {
        std::net::Ipv4Addr::from(bits as u32).to_string()
    } else {
        std::net::Ipv6Addr::from(bits).to_string()
    }
}

/// `cidrsubnet("10.0.0.0/16", 8, 2)` = `"10.0.2.0/24"`.
fn cidrsubnet(prefix: &str, newbits: f64, netnum: f64) -> Option<String> {
    let (base, len, width) = parse_cidr(prefix)?;
    if newbits < 0.0 || netnum < 0.0 || newbits.fract() != 0.0 || netnum.fract() != 0.0 {
        return None;
    }
    let new_len = len + newbits as u32;
    if new_len > width || (newbits as u32) >= 128 || (netnum as u128) >> (newbits as u32) != 0 {
        return None;
    }
    let host_bits = width - new_len;
    let mask = if len == 0 {
        0
    } else {
        (!0u128 << (width - len)) & width_mask(width)
    };
    let network = (base & mask) | ((netnum as u128) << host_bits);
    Some(format!("{}/{new_len}", format_addr(network, width)))
}

/// `cidrhost("10.0.0.0/24", 5)` = `"10.0.0.5"`.
fn cidrhost(prefix: &str, hostnum: f64) -> Option<String> {
    let (base, len, width) = parse_cidr(prefix)?;
    if hostnum < 0.0 || hostnum.fract() != 0.0 {
        return None;
    }
    let host_bits = width - len;
    if host_bits < 128 && (hostnum as u128) >> host_bits != 0 {
        return None;
    }
    let mask = if len == 0 {
        0
    } else {
        (!0u128 << (width - len)) & width_mask(width)
    };
    Some(format_addr((base & mask) | hostnum as u128, width))
}

fn width_mask(width: u32) -> u128 {
    if width == 128 {
        !0
    } else {
        (1u128 << width) - 1
    }
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

/// `format` with the verbs real modules use: `%s`, `%d`, `%v`, `%q`, `%%`.
fn format(spec: &str, args: &[Value]) -> Option<String> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '%' => out.push('%'),
            's' | 'v' => out.push_str(&args.next()?.to_template_string()?),
            'd' => out.push_str(&format_number(args.next()?.as_number()?.trunc())),
            'q' => out.push_str(&serde_json::to_string(&args.next()?.to_template_string()?).ok()?),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Value {
        Value::List(items.iter().map(|s| Value::str(*s)).collect())
    }

    #[test]
    fn jsonencode_keeps_structure_when_parts_are_unknown() {
        let known = call("jsonencode", vec![list(&["a"])]);
        assert_eq!(known, Value::str("[\"a\"]"));
        let partial = call("jsonencode", vec![Value::List(vec![Value::Unknown])]);
        assert!(matches!(partial, Value::Json(_)));
        assert_eq!(
            call("jsondecode", vec![partial]),
            Value::List(vec![Value::Unknown])
        );
        assert_eq!(
            call("jsondecode", vec![Value::str("{\"a\":1}")])
                .as_object()
                .map(|m| m.len()),
            Some(1)
        );
    }

    #[test]
    fn string_and_collection_functions() {
        assert_eq!(
            call("join", vec![Value::str(","), list(&["a", "b"])]),
            Value::str("a,b")
        );
        assert_eq!(
            call("split", vec![Value::str(","), Value::str("a,b")]),
            list(&["a", "b"])
        );
        assert_eq!(
            call(
                "format",
                vec![Value::str("%s-%d"), Value::str("x"), Value::Number(3.0)]
            ),
            Value::str("x-3")
        );
        assert_eq!(
            call("concat", vec![list(&["a"]), list(&["b"])]),
            list(&["a", "b"])
        );
        assert_eq!(
            call("distinct", vec![list(&["a", "a", "b"])]),
            list(&["a", "b"])
        );
        assert_eq!(
            call("coalesce", vec![Value::str(""), Value::str("x")]),
            Value::str("x")
        );
        assert_eq!(
            call(
                "substr",
                vec![Value::str("hello"), Value::Number(1.0), Value::Number(3.0)]
            ),
            Value::str("ell")
        );
        assert_eq!(
            call("element", vec![list(&["a", "b"]), Value::Number(3.0)]),
            Value::str("b")
        );
        assert_eq!(call("length", vec![list(&["a", "b"])]), Value::Number(2.0));
    }

    #[test]
    fn dedup_keeps_the_first_of_each_value_in_order() {
        let mut items = vec![
            Value::str("b"),
            Value::Number(1.0),
            Value::str("b"),
            Value::Number(-0.0),
            Value::Number(0.0),
            list(&["x"]),
            Value::str("a"),
            list(&["x"]),
            Value::Number(1.0),
        ];
        dedup(&mut items);
        assert_eq!(
            items,
            vec![
                Value::str("b"),
                Value::Number(1.0),
                Value::Number(-0.0),
                list(&["x"]),
                Value::str("a"),
            ]
        );
    }

    #[test]
    fn functions_that_multiply_their_input_stop_at_the_result_limit() {
        let big = Value::str("x".repeat(1 << 20));
        assert_eq!(
            call("replace", vec![big.clone(), Value::str(""), big.clone()]),
            Value::Unknown
        );
        let many = Value::List(vec![Value::str("a"); 100]);
        assert_eq!(call("join", vec![big, many]), Value::Unknown);
    }

    #[test]
    fn yamlencode_and_cidr_functions() {
        let v = Value::Object(
            [
                (
                    "a".to_string(),
                    Value::List(vec![Value::str("x"), Value::Number(1.0)]),
                ),
                ("b".to_string(), Value::Bool(true)),
            ]
            .into(),
        );
        assert_eq!(
            call("yamlencode", vec![v]),
            Value::str("\"a\":\n  - \"x\"\n  - 1\n\"b\": true\n")
        );
        let sub = |p: &str, b: f64, n: f64| {
            call(
                "cidrsubnet",
                vec![Value::str(p), Value::Number(b), Value::Number(n)],
            )
        };
        assert_eq!(sub("10.0.0.0/16", 8.0, 2.0), Value::str("10.0.2.0/24"));
        assert_eq!(sub("172.16.0.0/12", 4.0, 15.0), Value::str("172.31.0.0/16"));
        assert_eq!(
            sub("fd00:fd12:3456:7890::/56", 16.0, 162.0),
            Value::str("fd00:fd12:3456:7800:a200::/72")
        );
        assert_eq!(sub("10.0.0.0/16", 8.0, 300.0), Value::Unknown);
        assert_eq!(
            call(
                "cidrhost",
                vec![Value::str("10.12.112.0/20"), Value::Number(16.0)]
            ),
            Value::str("10.12.112.16")
        );
    }

    #[test]
    fn unknown_arguments_and_unknown_functions_give_unknown() {
        assert_eq!(call("lower", vec![Value::Unknown]), Value::Unknown);
        assert_eq!(call("no_such_function", vec![]), Value::Unknown);
        assert_eq!(
            call("try", vec![Value::Unknown, Value::str("d")]),
            Value::str("d")
        );
        assert_eq!(call("range", vec![Value::Number(1e12)]), Value::Unknown);
        assert_eq!(
            call(
                "replace",
                vec![Value::str("a"), Value::str("/a/"), Value::str("b")]
            ),
            Value::Unknown
        );
    }
}
