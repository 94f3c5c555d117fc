//! Collection functions: `alltrue`, `anytrue`, `chunklist`, `coalesce`, `coalescelist`, `compact`,
//! `concat`, `contains`, `distinct`, `element`, `flatten`, `index`, `keys`, `length`, `lookup`,
//! `matchkeys`, `merge`, `one`, `range`, `reverse`, `setintersection`, `setproduct`,
//! `setsubtract`, `setunion`, `slice`, `sort`, `sum`, `transpose`, `values`, `zipmap`.
//!
//! Lists, tuples and sets are all [`Value::List`]; maps and objects are [`Value::Object`]. Elements
//! are moved as they are, unknown or not; a function that must look at an element to decide is
//! Unknown when that element is.

use super::{
    arity, dedup, graphemes, has_unknown, int_arg, number, number_arg, opaque, set_of, string_arg,
    Cx,
};
use crate::terraform::value::Value;
use std::collections::BTreeMap;

pub(super) const NAMES: &[&str] = &[
    "alltrue",
    "anytrue",
    "chunklist",
    "coalesce",
    "coalescelist",
    "compact",
    "concat",
    "contains",
    "distinct",
    "element",
    "flatten",
    "index",
    "keys",
    "length",
    "lookup",
    "matchkeys",
    "merge",
    "one",
    "range",
    "reverse",
    "setintersection",
    "setproduct",
    "setsubtract",
    "setunion",
    "slice",
    "sort",
    "sum",
    "transpose",
    "values",
    "zipmap",
];

/// Most numbers `range` generates: Terraform's own limit.
const MAX_RANGE: usize = 1024;

fn list(v: Value) -> Option<Vec<Value>> {
    match v {
        Value::List(items) => Some(items),
        _ => None,
    }
}

fn object(v: Value) -> Option<BTreeMap<String, Value>> {
    match v {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

pub(super) fn call(name: &str, mut args: Vec<Value>, cx: Cx) -> Option<Value> {
    let first = |args: &mut Vec<Value>| -> Option<Value> {
        arity(args, 1)?;
        args.pop()
    };
    Some(match name {
        "alltrue" | "anytrue" => {
            let items = list(first(&mut args)?)?;
            let all = name == "alltrue";
            let mut unknown = false;
            for item in &items {
                match item {
                    Value::Null if all => return Some(Value::Bool(false)),
                    Value::Null => {}
                    v if opaque(v) => unknown = true,
                    v => {
                        if v.as_bool()? != all {
                            return Some(Value::Bool(!all));
                        }
                    }
                }
            }
            if unknown {
                return None;
            }
            Value::Bool(all)
        }
        "chunklist" => {
            arity(&args, 2)?;
            let size = int_arg(&args[1])?;
            let items = list(args.swap_remove(0))?;
            if size < 0 {
                return None;
            }
            if items.is_empty() {
                return Some(Value::List(vec![]));
            }
            if size == 0 {
                return Some(Value::List(vec![Value::List(items)]));
            }
            cx.items(items.len() as u128 / size as u128 + 1)?;
            Value::List(
                items
                    .chunks(size as usize)
                    .map(|c| Value::List(c.to_vec()))
                    .collect(),
            )
        }
        "coalesce" => {
            for a in args {
                match a {
                    Value::Null => continue,
                    Value::String(ref s) if s.is_empty() => continue,
                    a if !opaque(&a) => return Some(a),
                    _ => return None,
                }
            }
            return None;
        }
        "coalescelist" => args
            .into_iter()
            .find(|a| a.as_list().is_some_and(|l| !l.is_empty()))?,
        "compact" => {
            let items = list(first(&mut args)?)?;
            if items
                .iter()
                .any(|v| matches!(v, Value::Unknown | Value::Json(_)))
            {
                return None;
            }
            let mut out = Vec::with_capacity(items.len());
            for v in items {
                match v {
                    Value::Null => {}
                    Value::String(ref s) if s.is_empty() => {}
                    Value::Ref(_) => out.push(v),
                    v => out.push(Value::String(string_arg(&v)?)),
                }
            }
            Value::List(out)
        }
        "concat" => {
            let mut out = Vec::new();
            for a in args {
                out.extend(list(a)?);
            }
            Value::List(out)
        }
        "contains" => {
            arity(&args, 2)?;
            let needle = &args[1];
            if has_unknown(needle) {
                return None;
            }
            let items = args[0].as_list()?;
            if items.contains(needle) {
                Value::Bool(true)
            } else if items.iter().any(|v| has_unknown(v) || opaque(v)) {
                return None;
            } else {
                Value::Bool(false)
            }
        }
        "distinct" => {
            let mut items = list(first(&mut args)?)?;
            if items.len() > 1 && items.iter().any(has_unknown) {
                return None;
            }
            dedup(&mut items);
            Value::List(items)
        }
        "element" => {
            arity(&args, 2)?;
            let i = usize::try_from(int_arg(&args[1])?).ok()?;
            let items = list(args.swap_remove(0))?;
            if items.is_empty() {
                return None;
            }
            let n = items.len();
            items.into_iter().nth(i % n)?
        }
        "flatten" => {
            fn flat(v: Value, out: &mut Vec<Value>) -> Option<()> {
                match v {
                    Value::List(items) => {
                        for i in items {
                            flat(i, out)?;
                        }
                    }
                    v if opaque(&v) => return None,
                    other => out.push(other),
                }
                Some(())
            }
            let mut out = Vec::new();
            flat(Value::List(list(first(&mut args)?)?), &mut out)?;
            Value::List(out)
        }
        "index" => {
            arity(&args, 2)?;
            let needle = &args[1];
            if has_unknown(needle) {
                return None;
            }
            for (i, v) in args[0].as_list()?.iter().enumerate() {
                if v == needle {
                    return Some(Value::Number(i as f64));
                }
                if has_unknown(v) || opaque(v) {
                    return None;
                }
            }
            return None;
        }
        "keys" => Value::List(
            object(first(&mut args)?)?
                .into_keys()
                .map(Value::String)
                .collect(),
        ),
        "values" => Value::List(object(first(&mut args)?)?.into_values().collect()),
        "length" => Value::Number(match first(&mut args)? {
            Value::List(items) => items.len(),
            Value::Object(map) => map.len(),
            Value::String(text) => graphemes(&text).len(),
            _ => return None,
        } as f64),
        "lookup" => {
            if !(2..=3).contains(&args.len()) || opaque(&args[0]) || opaque(&args[1]) {
                return None;
            }
            let key = string_arg(&args[1])?;
            let default = (args.len() == 3).then(|| args.pop()).flatten();
            match object(args.swap_remove(0))?.remove(&key) {
                Some(v) => v,
                None => default?,
            }
        }
        "matchkeys" => {
            arity(&args, 3)?;
            let (values, keys, search) =
                (args[0].as_list()?, args[1].as_list()?, args[2].as_list()?);
            if values.len() != keys.len()
                || keys.iter().any(|k| has_unknown(k) || opaque(k))
                || search.iter().any(|k| has_unknown(k) || opaque(k))
            {
                return None;
            }
            Value::List(
                values
                    .iter()
                    .zip(keys)
                    .filter(|(_, k)| search.contains(k))
                    .map(|(v, _)| v.clone())
                    .collect(),
            )
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
        "one" => {
            let mut items = list(first(&mut args)?)?;
            match items.len() {
                0 => Value::Null,
                1 => items.pop()?,
                _ => return None,
            }
        }
        "range" => {
            let n = |i: usize| args.get(i).and_then(number_arg);
            let (start, end, step) = match args.len() {
                1 => (0.0, n(0)?, 1.0),
                2 => (n(0)?, n(1)?, 1.0),
                3 => (n(0)?, n(1)?, n(2)?),
                _ => return None,
            };
            if step == 0.0 || (step < 0.0 && end > start) || (step > 0.0 && end < start) {
                return None;
            }
            let mut out = Vec::new();
            let mut x = start;
            while (step > 0.0 && x < end) || (step < 0.0 && x > end) {
                if out.len() >= MAX_RANGE {
                    return None;
                }
                out.push(number(x)?);
                x += step;
            }
            Value::List(out)
        }
        "reverse" => {
            let mut items = list(first(&mut args)?)?;
            items.reverse();
            Value::List(items)
        }
        "setunion" | "setintersection" | "setsubtract" => {
            if args.is_empty() || (name == "setsubtract" && args.len() != 2) {
                return None;
            }
            let sets = args
                .into_iter()
                .map(|a| set_of(list(a)?))
                .collect::<Option<Vec<_>>>()?;
            let mut sets = sets.into_iter();
            let mut acc = sets.next()?;
            for other in sets {
                match name {
                    "setunion" => acc.extend(other),
                    "setintersection" => {
                        if acc.iter().chain(&other).any(opaque) {
                            // A reference might equal another value of the other set.
                            return None;
                        }
                        acc.retain(|v| other.contains(v))
                    }
                    _ => {
                        if acc.iter().chain(&other).any(opaque) {
                            return None;
                        }
                        acc.retain(|v| !other.contains(v))
                    }
                }
            }
            Value::List(set_of(acc)?)
        }
        "setproduct" => {
            if args.len() < 2 {
                return None;
            }
            let sets = args.into_iter().map(list).collect::<Option<Vec<_>>>()?;
            let count = sets
                .iter()
                .try_fold(1u128, |acc, s| acc.checked_mul(s.len() as u128))?;
            cx.items(count.saturating_mul(sets.len() as u128 + 1))?;
            let mut out: Vec<Vec<Value>> = vec![vec![]];
            for set in &sets {
                let mut next = Vec::with_capacity(out.len() * set.len());
                for prefix in &out {
                    for item in set {
                        let mut row = prefix.clone();
                        row.push(item.clone());
                        next.push(row);
                    }
                }
                out = next;
            }
            Value::List(out.into_iter().map(Value::List).collect())
        }
        "slice" => {
            arity(&args, 3)?;
            let start = usize::try_from(int_arg(&args[1])?).ok()?;
            let end = usize::try_from(int_arg(&args[2])?).ok()?;
            let items = list(args.swap_remove(0))?;
            if start > end || end > items.len() {
                return None;
            }
            Value::List(items[start..end].to_vec())
        }
        "sort" => {
            let items = list(first(&mut args)?)?;
            let mut strings = items
                .iter()
                .map(|v| match v {
                    Value::Null => None,
                    v => string_arg(v),
                })
                .collect::<Option<Vec<_>>>()?;
            strings.sort();
            Value::List(strings.into_iter().map(Value::String).collect())
        }
        "sum" => {
            let items = list(first(&mut args)?)?;
            if items.is_empty() {
                return None;
            }
            let mut total = 0.0;
            for v in &items {
                total += number_arg(v)?;
            }
            number(total)?
        }
        "transpose" => {
            let map = object(first(&mut args)?)?;
            let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
            for (k, v) in &map {
                for item in v.as_list()? {
                    out.entry(string_arg(item)?)
                        .or_default()
                        .push(Value::String(k.clone()));
                }
            }
            Value::Object(out.into_iter().map(|(k, v)| (k, Value::List(v))).collect())
        }
        "zipmap" => {
            arity(&args, 2)?;
            let values = list(args.pop()?)?;
            let keys = list(args.pop()?)?;
            if keys.len() != values.len() {
                return None;
            }
            let mut out = BTreeMap::new();
            for (k, v) in keys.iter().zip(values) {
                out.insert(string_arg(k)?, v);
            }
            Value::Object(out)
        }
        _ => return None,
    })
}
