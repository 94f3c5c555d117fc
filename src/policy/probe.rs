//! What-if evaluation for `--show-unknown`: could a check fire at all if an unknown attribute had some
//! value? A rule that admits port 443 cannot open SSH whatever its unknown address range is, so it is
//! not an undecided SSH check.
//!
//! The probe replaces the entity by copies of it, each with the unknown attribute set to one candidate
//! value (left out; every literal of the policy, alone and in a list; objects of the fields the policy
//! reads; a known object's fields varied by type), and evaluates the policy once over all the copies.
//! Only when none is reported does a second stage try the literals of the libraries the policy
//! imports (a bounded number). A check is undecided when some copy is reported.

use super::{Engines, Registry};
use crate::model::Model;
use serde_json::{json, Map, Value};

/// Copies of one entity a probe evaluates at most.
const MAX_PROBES: usize = 2_000;

/// Literals of a policy's libraries a probe tries at most (each alone and in a list).
const MAX_LIBRARY_LITERALS: usize = 128;

/// Marks a probe copy's id: `<id>` + this + its number.
const PROBE_MARK: &str = "\u{1f}probe";

/// One check to probe: policy `policy` on entity `id` of `collection`, unknown at `path`.
pub struct Check<'a> {
    pub policy: usize,
    pub collection: &'a str,
    pub id: &'a str,
    pub path: &'a str,
}

impl Registry {
    /// Whether `check` could fire for some value of its unknown attribute. `model_json` is `model`
    /// serialized. A user's policy is probed in a worker process, as a scan evaluates it. When
    /// probing cannot tell (the attribute's place cannot be built, evaluation fails), the answer is
    /// yes.
    pub fn could_fire(
        &self,
        engines: &mut Engines,
        model: &Model,
        model_json: &Value,
        check: &Check,
    ) -> bool {
        // The engine the model's own evaluation used.
        let wanted: Vec<usize> = self
            .wanted(model)
            .into_iter()
            .filter(|&i| self.in_process(i))
            .collect();
        self.could_fire_on(engines, &wanted, model_json, check, None)
    }

    /// [`Registry::could_fire`] for a policy that reads the raw input (`custom.input: raw`): `input` is
    /// `{"resources": [...]}`, `check.collection` is `resources` and `check.path` is relative to the
    /// resource's `attributes`, as its `unknown` list has it.
    pub fn could_fire_raw(&self, engines: &mut Engines, input: &Value, check: &Check) -> bool {
        let wanted: Vec<usize> = (0..self.policies.len())
            .filter(|&i| self.policies[i].raw && self.in_process(i))
            .collect();
        self.could_fire_on(engines, &wanted, input, check, Some("attributes"))
    }

    /// The probe, on an engine holding `wanted`; the unknown value sits at `check.path` under
    /// `base` of the entity.
    fn could_fire_on(
        &self,
        engines: &mut Engines,
        wanted: &[usize],
        model_json: &Value,
        check: &Check,
        base: Option<&str>,
    ) -> bool {
        let policy = &self.policies[check.policy];
        let Some(entity) = find_entity(model_json, check) else {
            return true;
        };
        let Some(mut path) = parse_path(check.path) else {
            return true;
        };
        if let Some(base) = base {
            path.insert(0, Seg::Key(base.to_string()));
        }
        // The policy runs where a scan runs it: this process's engine, or (a user's policy) a worker
        // process, which gets each probe's input as JSON text.
        let mut engine = if self.in_process(check.policy) {
            let Ok(engine) = self.engine_for(engines, wanted) else {
                return true;
            };
            Some(engine)
        } else {
            None
        };
        let prefix = format!("{}{PROBE_MARK}", check.id);
        // Whether a copy of `copies` is reported; `None` when the policy fails on them.
        let mut reported = |copies: Vec<Value>| -> Option<bool> {
            let mut input = model_json.clone();
            *collection_mut(&mut input, check.collection)? = Value::Array(copies);
            let value = match engine.as_mut() {
                Some(engine) => {
                    engine.set_input(regorus::Value::from(input));
                    let value = engine.eval_rule(policy.rule.clone()).ok()?;
                    serde_json::to_value(&value).ok()?
                }
                None => self.eval_isolated(&input, &policy.rule).ok()?,
            };
            let Value::Array(results) = value else {
                // Undefined: no copy was reported.
                return Some(false);
            };
            Some(results.iter().any(|r| {
                r.get("id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| id.starts_with(&prefix))
            }))
        };
        // The likeliest values first (the policy's own literals, wildcards, booleans, the attribute
        // left out), then the libraries' literals, which are many (every IAM action name) and rarely
        // decide: most answers are yes after the first stage, and a stage costs one evaluation.
        let (first, second) = self.candidates(check.policy);
        let mut budget = MAX_PROBES;
        let mut numbered = 0;
        // A known object with unknown parts (a condition whose values are unknown) is probed by
        // varying its fields with the policy's own literals, each of its field's type: values of other
        // types only make the policy fail, and the libraries' literals are not conditions' values.
        let stages = match get_path(&entity, &path) {
            Some(Value::Object(known)) => {
                let mut values = stage_values(&entity, &path, true, &[]);
                values.extend(field_values(known, &first));
                vec![values]
            }
            // A policy that reads a whole provider relates entities to each other (which partners
            // read the same store): its copies meet each other, so each costs more than the last,
            // and its libraries' literals (IAM action names) are covered by the wildcard.
            _ if policy.inputs.iter().any(|i| i.ends_with('*')) => {
                vec![stage_values(&entity, &path, true, &first)]
            }
            _ => vec![
                stage_values(&entity, &path, true, &first),
                stage_values(&entity, &path, false, &second),
            ],
        };
        for mut values in stages {
            values.truncate(budget);
            budget = budget.saturating_sub(values.len());
            let Some(copies) = probe_copies(&entity, check, &path, values, &mut numbered) else {
                return true;
            };
            if copies.is_empty() {
                continue;
            }
            if let Some(answer) = reported(copies.iter().map(|(_, c)| c.clone()).collect()) {
                if answer {
                    return true;
                }
                continue;
            }
            // A value of a type the policy does not expect can make it fail (iterating over a
            // string, say): try the values kind by kind, and leave out the kinds it fails on.
            let mut kinds: Vec<u8> = copies.iter().map(|(k, _)| *k).collect();
            kinds.sort_unstable();
            kinds.dedup();
            let fired = kinds.into_iter().any(|kind| {
                let group = copies
                    .iter()
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, c)| c.clone())
                    .collect();
                reported(group) == Some(true)
            });
            if fired {
                return true;
            }
        }
        false
    }

    /// The values to try, in two stages: booleans and the literals of the policy's own text; then
    /// the literals of the libraries it imports that the first stage did not have.
    fn candidates(&self, policy: usize) -> (Vec<Value>, Vec<Value>) {
        let mut first = vec![json!(true), json!(false), json!("*")];
        for v in literals(&self.files[self.policies[policy].file].text) {
            if !first.contains(&v) {
                first.push(v);
            }
        }
        // Only the libraries the policy imports, and a bounded number of their literals: a large
        // library (every IAM action name) would cost one copy of the entity each.
        let mut second: Vec<Value> = Vec::new();
        for f in self.imported_libraries(policy) {
            for v in literals(&self.files[f].text) {
                if second.len() >= MAX_LIBRARY_LITERALS {
                    break;
                }
                if !first.contains(&v) && !second.contains(&v) {
                    second.push(v);
                }
            }
        }
        (first, second)
    }
}

/// The collection at dotted `path` (`aws.s3.buckets`) of the model.
fn collection_mut<'v>(model: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    path.split('.').try_fold(model, |v, k| v.get_mut(k))
}

/// The kind of a probe value, for trying the kinds one by one: absent, boolean, number, string,
/// object, or a list of one of those.
fn kind(v: Option<&Value>) -> u8 {
    match v {
        None | Some(Value::Null) => 0,
        Some(Value::Bool(_)) => 1,
        Some(Value::Number(_)) => 2,
        Some(Value::String(_)) => 3,
        // A list by the kind of its items: a policy that lower-cases strings fails on numbers.
        Some(Value::Array(items)) => 10 + kind(items.first()),
        Some(Value::Object(_)) => 5,
    }
}

/// The entity `check` is about, from the serialized model.
fn find_entity(model: &Value, check: &Check) -> Option<Value> {
    collection_ref(model, check.collection)?
        .as_array()?
        .iter()
        .find(|e| e.get("id").and_then(Value::as_str) == Some(check.id))
        .cloned()
}

/// Copies of the known object `known` with one field set to another value of its type: each of
/// `candidates` (in a one-item list for a list field), the list empty, the boolean negated; a field
/// with no value yet gets each candidate.
fn field_values(known: &Map<String, Value>, candidates: &[Value]) -> Vec<Option<Value>> {
    let mut out = Vec::new();
    for (field, current) in known {
        let mut with = |v: Value| {
            let mut copy = known.clone();
            copy.insert(field.clone(), v);
            out.push(Some(Value::Object(copy)));
        };
        match current {
            Value::Bool(b) => with(Value::Bool(!b)),
            Value::Array(_) => {
                with(json!([]));
                candidates.iter().for_each(|c| with(json!([c])));
            }
            Value::String(_) => candidates
                .iter()
                .filter(|c| c.is_string())
                .for_each(|c| with(c.clone())),
            Value::Number(_) => candidates
                .iter()
                .filter(|c| c.is_number())
                .for_each(|c| with(c.clone())),
            // A field with no value yet may get any.
            Value::Null => candidates.iter().for_each(|c| with(c.clone())),
            Value::Object(_) => {}
        }
    }
    out
}

/// The values a stage tries at `path`: each candidate alone and in a list; in the
/// first stage also the attribute left out (`None`: a variable that turns out null) and, for an
/// object, each field it may have set alone to a boolean or a wildcard, and all of them together.
fn stage_values(
    entity: &Value,
    path: &[Seg],
    first: bool,
    candidates: &[Value],
) -> Vec<Option<Value>> {
    let mut values: Vec<Option<Value>> = Vec::new();
    if first {
        values.push(None);
        let fields: Vec<String> = match get_path(entity, path) {
            Some(Value::Object(_)) | None => object_fields(entity, path),
            Some(_) => Vec::new(),
        };
        for f in &fields {
            for v in [json!(false), json!(true), json!("*")] {
                values.push(Some(json!({ f.as_str(): v })));
            }
        }
        for v in [json!(false), json!(true)] {
            let all: Map<String, Value> = fields.iter().map(|f| (f.clone(), v.clone())).collect();
            values.push(Some(Value::Object(all)));
        }
    }
    for c in candidates {
        values.push(Some(c.clone()));
        values.push(Some(json!([c])));
    }
    values
}

/// Copies of `entity`, each with its value's kind and `values`' value at `path`, numbered on from
/// `numbered`; `None` when the place of the attribute cannot be built.
fn probe_copies(
    entity: &Value,
    check: &Check,
    path: &[Seg],
    values: Vec<Option<Value>>,
    numbered: &mut usize,
) -> Option<Vec<(u8, Value)>> {
    let mut copies = Vec::with_capacity(values.len());
    for v in values {
        let mut copy = entity.clone();
        let k = kind(v.as_ref());
        if let Some(v) = v {
            set_path(&mut copy, path, v)?;
        }
        if let Some(obj) = copy.as_object_mut() {
            obj.insert(
                "id".into(),
                json!(format!("{}{PROBE_MARK}{}", check.id, *numbered)),
            );
            if let Some(Value::Array(unknown)) = obj.get_mut("unknown") {
                unknown.retain(|u| u.as_str() != Some(check.path));
            }
        }
        *numbered += 1;
        copies.push((k, copy));
    }
    Some(copies)
}

fn collection_ref<'v>(model: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(model, |v, k| v.get(k))
}

/// The field names an unknown object at `path` may have: those of the same object in the entity's
/// other list elements, else none known (the all-booleans objects still probe it).
fn object_fields(entity: &Value, path: &[Seg]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(Value::Object(map)) = get_path(entity, path) {
        out.extend(map.keys().cloned());
    }
    for known in ["configured", "enabled", "encrypted"] {
        if !out.iter().any(|f| f == known) {
            out.push(known.into());
        }
    }
    out
}

enum Seg {
    Key(String),
    Index(usize),
}

/// `a.b[2].c` → [Key a, Key b, Index 2, Key c]; a quoted key (`tags["a.b"]`, the raw input's keys
/// that hold a `.`) is one segment.
fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("[\"") {
            let mut escaped = false;
            let end = r.char_indices().find_map(|(i, c)| match (escaped, c) {
                (true, _) => {
                    escaped = false;
                    None
                }
                (false, '\\') => {
                    escaped = true;
                    None
                }
                (false, '"') => Some(i),
                _ => None,
            })?;
            out.push(Seg::Key(serde_json::from_str(&rest[1..end + 3]).ok()?));
            rest = r[end + 1..].strip_prefix(']')?;
        } else if let Some(r) = rest.strip_prefix('[') {
            let (n, after) = r.split_once(']')?;
            out.push(Seg::Index(n.parse().ok()?));
            rest = after;
        } else {
            let r = rest.strip_prefix('.').unwrap_or(rest);
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                return None;
            }
            out.push(Seg::Key(r[..end].to_string()));
            rest = &r[end..];
        }
    }
    Some(out)
}

fn get_path<'v>(v: &'v Value, path: &[Seg]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, seg| match seg {
        Seg::Key(k) => v.get(k.as_str()),
        Seg::Index(i) => v.get(*i),
    })
}

/// Sets `path` in `v` to `value`, making the objects on the way; `None` when a list on the way is
/// missing or too short (which element is unknown cannot be built).
fn set_path(v: &mut Value, path: &[Seg], value: Value) -> Option<()> {
    let Some((last, init)) = path.split_last() else {
        *v = value;
        return Some(());
    };
    let mut cur = v;
    for seg in init {
        cur = match seg {
            Seg::Key(k) => {
                let obj = cur.as_object_mut()?;
                obj.entry(k.clone()).or_insert_with(|| json!({}))
            }
            Seg::Index(i) => cur.get_mut(*i)?,
        };
    }
    match last {
        Seg::Key(k) => {
            cur.as_object_mut()?.insert(k.clone(), value);
        }
        Seg::Index(i) => *cur.get_mut(*i)? = value,
    }
    Some(())
}

/// String (double-quoted) and whole-number literals of Rego text, outside comments.
fn literals(text: &str) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for line in text.lines() {
        let code = line.trim_start();
        if code.starts_with('#') {
            continue;
        }
        let mut chars = code.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '"' {
                let mut s = String::new();
                let mut escaped = false;
                for (_, c) in chars.by_ref() {
                    match (escaped, c) {
                        (false, '\\') => escaped = true,
                        (false, '"') => break,
                        (_, c) => {
                            escaped = false;
                            s.push(c);
                        }
                    }
                }
                if !s.contains("%s") && !s.contains("%v") && !s.contains("%d") {
                    out.push(Value::String(s));
                }
            } else if c.is_ascii_digit()
                && !code[..i].ends_with(|p: char| p.is_ascii_alphanumeric() || p == '_')
            {
                let mut end = i;
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    end = j;
                    chars.next();
                }
                if let Ok(n) = code[i..=end].parse::<u64>() {
                    out.push(json!(n));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_strings_and_numbers_outside_comments() {
        let text = "# \"not\" 9\nx if { r.to_port == 22; r.cidr in {\"0.0.0.0/0\", \"a\\\"b\"} }\nmsg := sprintf(\"%s\", [x])\nv2 := 3\n";
        assert_eq!(
            literals(text),
            vec![json!(22), json!("0.0.0.0/0"), json!("a\"b"), json!(3)]
        );
    }

    #[test]
    fn a_known_object_is_probed_with_values_of_each_fields_type() {
        // A condition whose values are unknown: only its values vary, and only as lists; strings
        // stay strings, booleans flip, a field without a value gets every candidate.
        let known =
            json!({"key": "aws:principalorgid", "values": [], "negated": false, "extra": null});
        let candidates = [json!("*"), json!(22)];
        let values = field_values(known.as_object().expect("object"), &candidates);
        let shapes: Vec<Value> = values.into_iter().map(|v| v.expect("a value")).collect();
        assert_eq!(shapes.len(), 1 + 3 + 1 + 2, "{shapes:?}");
        for v in &shapes {
            assert!(v["key"].is_string() && v["values"].is_array() && v["negated"].is_boolean());
        }
        assert!(shapes.contains(
            &json!({"key": "aws:principalorgid", "values": ["*"], "negated": false, "extra": null})
        ));
        assert!(shapes.contains(
            &json!({"key": "aws:principalorgid", "values": [], "negated": true, "extra": null})
        ));
        assert!(shapes.contains(
            &json!({"key": "aws:principalorgid", "values": [], "negated": false, "extra": 22})
        ));
    }

    #[test]
    fn paths_are_set_through_objects_and_existing_lists() {
        let mut v = json!({"ingress": [{"from_port": 22}], "unknown": []});
        let p = parse_path("ingress[0].cidr_blocks").expect("parses");
        set_path(&mut v, &p, json!(["0.0.0.0/0"])).expect("sets");
        assert_eq!(v["ingress"][0]["cidr_blocks"], json!(["0.0.0.0/0"]));
        let p = parse_path("public_access_block.configured").expect("parses");
        set_path(&mut v, &p, json!(false)).expect("sets");
        assert_eq!(v["public_access_block"]["configured"], json!(false));
        let p = parse_path("tags[\"kubernetes.io/cluster\"].x[1]").expect("parses");
        assert!(
            matches!(p.as_slice(), [Seg::Key(a), Seg::Key(b), Seg::Key(c), Seg::Index(1)]
            if a == "tags" && b == "kubernetes.io/cluster" && c == "x")
        );
        // A list element that is not there cannot be built.
        let p = parse_path("egress[3].cidr_blocks").expect("parses");
        assert!(set_path(&mut v, &p, json!([])).is_none());
    }
}
