//! Values produced by evaluating Terraform expressions.
//!
//! `Unknown` is a first-class value: anything preflight cannot resolve (a variable without a value, a data
//! source, an attribute known only after apply) evaluates to it, and every operation on it yields it again.
//! It equals no concrete value, so it can never make a policy fire.

use std::collections::BTreeMap;

/// An evaluated Terraform value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    List(Vec<Value>),
    Object(BTreeMap<String, Value>),
    /// An attribute of another resource that is only known after apply (`aws_s3_bucket.logs.id`). Kept so
    /// that adapters can join companion resources to their parent by reference.
    Ref(Box<ResourceRef>),
    /// The result of `jsonencode` on a value with unknown parts: the JSON text is unknown, but the
    /// structure is kept so that a policy document can still be read.
    Json(Box<Value>),
    Unknown,
}

/// `address.attr` of a resource in the same module, e.g. `aws_s3_bucket.logs` and `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceRef {
    pub address: String,
    pub attr: String,
}

impl Value {
    pub fn str(s: impl Into<String>) -> Value {
        Value::String(s.into())
    }

    /// True when the value (deeply) contains nothing unknown.
    pub fn is_known(&self) -> bool {
        match self {
            Value::Unknown | Value::Ref(_) | Value::Json(_) => false,
            Value::List(items) => items.iter().all(Value::is_known),
            Value::Object(map) => map.values().all(Value::is_known),
            _ => true,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Terraform's conversion to bool: `true`/`false` and the strings "true"/"false".
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s == "true" => Some(true),
            Value::String(s) if s == "false" => Some(false),
            _ => None,
        }
    }

    /// Terraform's conversion to number: numbers and numeric strings.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// Terraform's conversion to string for interpolation; `None` when unknown or not a primitive.
    pub fn to_template_string(&self) -> Option<String> {
        match self {
            Value::String(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) => Some(format_number(*n)),
            _ => None,
        }
    }

    /// The list elements, with tuples and sets alike.
    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&BTreeMap<String, Value>> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The JSON form of a fully known value.
    pub fn to_json(&self) -> Option<serde_json::Value> {
        Some(match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => number_to_json(*n),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::List(items) => serde_json::Value::Array(
                items
                    .iter()
                    .map(Value::to_json)
                    .collect::<Option<Vec<_>>>()?,
            ),
            Value::Object(map) => serde_json::Value::Object(
                map.iter()
                    .map(|(k, v)| Some((k.clone(), v.to_json()?)))
                    .collect::<Option<serde_json::Map<_, _>>>()?,
            ),
            Value::Ref(_) | Value::Json(_) | Value::Unknown => return None,
        })
    }

    pub fn from_json(json: &serde_json::Value) -> Value {
        match json {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => n.as_f64().map_or(Value::Unknown, Value::Number),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => {
                Value::List(items.iter().map(Value::from_json).collect())
            }
            serde_json::Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// The value's size in nodes, the unit of the evaluator's size budget: one per value, plus one per
    /// [`BYTES_PER_NODE`] bytes of string (map keys included). Counting stops past `limit` (the result is
    /// then `limit + 1`), so measuring costs no more than the budget it is checked against.
    pub fn size_within(&self, limit: u64) -> u64 {
        fn walk(v: &Value, total: &mut u64, limit: u64) {
            if *total > limit {
                return;
            }
            *total += 1;
            match v {
                Value::String(s) => *total += string_nodes(s),
                Value::List(items) => {
                    for item in items {
                        walk(item, total, limit);
                        if *total > limit {
                            return;
                        }
                    }
                }
                Value::Object(map) => {
                    for (k, item) in map {
                        *total += string_nodes(k);
                        walk(item, total, limit);
                        if *total > limit {
                            return;
                        }
                    }
                }
                Value::Json(inner) => walk(inner, total, limit),
                Value::Ref(r) => *total += string_nodes(&r.address) + string_nodes(&r.attr),
                Value::Null | Value::Bool(_) | Value::Number(_) | Value::Unknown => {}
            }
        }
        let mut total = 0;
        walk(self, &mut total, limit);
        total.min(limit.saturating_add(1))
    }

    /// Feeds a hash consistent with `==` into `state`: equal values hash alike (`0.0` and `-0.0`
    /// included), so collections can be deduplicated with a hash table.
    pub fn hash_into<H: std::hash::Hasher>(&self, state: &mut H) {
        use std::hash::Hash;
        std::mem::discriminant(self).hash(state);
        match self {
            Value::Null | Value::Unknown => {}
            Value::Bool(b) => b.hash(state),
            // `-0.0 == 0.0`: hash them alike. NaN equals nothing, so its hash does not matter.
            Value::Number(n) => (if *n == 0.0 { 0.0f64 } else { *n }).to_bits().hash(state),
            Value::String(s) => s.hash(state),
            Value::List(items) => {
                items.len().hash(state);
                items.iter().for_each(|i| i.hash_into(state));
            }
            Value::Object(map) => {
                map.len().hash(state);
                for (k, v) in map {
                    k.hash(state);
                    v.hash_into(state);
                }
            }
            Value::Ref(r) => {
                r.address.hash(state);
                r.attr.hash(state);
            }
            Value::Json(inner) => inner.hash_into(state),
        }
    }

    /// A short name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::List(_) => "list",
            Value::Object(_) => "object",
            Value::Ref(_) | Value::Json(_) | Value::Unknown => "unknown",
        }
    }
}

/// Bytes of string counted as one node by [`Value::size_within`] (about the memory of one value).
pub const BYTES_PER_NODE: usize = 32;

fn string_nodes(s: &str) -> u64 {
    (s.len() / BYTES_PER_NODE) as u64
}

/// Numbers print without a fractional part when they are whole, as Terraform does.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn number_to_json(n: f64) -> serde_json::Value {
    if n.fract() == 0.0 && n.abs() < 9e15 {
        serde_json::Value::from(n as i64)
    } else {
        serde_json::Number::from_f64(n).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_anywhere_makes_a_value_unknown() {
        let v = Value::List(vec![Value::str("a"), Value::Unknown]);
        assert!(!v.is_known());
        assert_eq!(v.to_json(), None);
        assert!(Value::List(vec![Value::Number(1.0)]).is_known());
    }

    #[test]
    fn conversions_follow_terraform() {
        assert_eq!(Value::str("true").as_bool(), Some(true));
        assert_eq!(Value::str("22").as_number(), Some(22.0));
        assert_eq!(
            Value::Number(3.0).to_template_string().as_deref(),
            Some("3")
        );
        assert_eq!(
            Value::Number(0.5).to_template_string().as_deref(),
            Some("0.5")
        );
        assert_eq!(Value::Unknown.as_bool(), None);
    }

    #[test]
    fn size_counts_nodes_and_string_bytes_and_stops_at_the_limit() {
        let v = Value::List(vec![
            Value::str("a"),
            Value::str("b".repeat(64)),
            Value::Null,
        ]);
        assert_eq!(v.size_within(100), 1 + 1 + (1 + 2) + 1);
        assert_eq!(v.size_within(2), 3);
    }

    #[test]
    fn equal_values_hash_alike() {
        let h = |v: &Value| {
            let mut s = std::collections::hash_map::DefaultHasher::new();
            v.hash_into(&mut s);
            std::hash::Hasher::finish(&s)
        };
        assert_eq!(h(&Value::Number(0.0)), h(&Value::Number(-0.0)));
        assert_ne!(h(&Value::str("a")), h(&Value::List(vec![Value::str("a")])));
    }

    #[test]
    fn json_round_trip() {
        let json = serde_json::json!({"a": [1, "x", true, null], "b": {"c": 2.5}});
        assert_eq!(Value::from_json(&json).to_json(), Some(json));
    }
}
