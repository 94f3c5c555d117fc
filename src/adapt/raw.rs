//! The raw input of custom policies that declare `custom.input: raw`: every resource (every instance,
//! for Terraform) with its evaluated attributes, whatever its type, so that a policy can check what
//! the model does not hold (tags, names, services not modelled).
//!
//! Unknown-safe like the model: a value that is not known is absent and its path is listed in
//! `unknown` (an unknown element of a list stays in place as `null`, so that indices keep their
//! meaning). Every attribute, nested block and written-out object member gets a location, so that a
//! result points at the attribute, or at the resource's header when the attribute is not written.

use super::{Fields, Format, Item, Res, Tracker};
use crate::json_spans::SpanTree;
use crate::model::Locations;
use crate::source::FileId;
use crate::terraform::value::Value;
use serde_json::{Map, Value as Json};

/// Terraform meta-arguments: they say how many instances there are and how they are managed, not
/// what the resource is.
const META_ARGUMENTS: [&str; 7] = [
    "count",
    "for_each",
    "depends_on",
    "provider",
    "lifecycle",
    "provisioner",
    "connection",
];

/// The resources of one scanned unit, and where their attributes are written.
#[derive(Debug, Default)]
pub struct RawInput {
    pub resources: Vec<RawResource>,
    /// By resource id (address or logical ID), with paths relative to `attributes`.
    pub locations: Locations,
}

/// One resource: its JSON object without `file`, which the scan names.
#[derive(Debug)]
pub struct RawResource {
    pub file: FileId,
    pub json: Map<String, Json>,
}

impl RawInput {
    /// Adds a resource of type `rtype`.
    pub(crate) fn push(&mut self, rtype: &str, item: &Item) {
        let mut tracker = Tracker::new(
            item.address.clone(),
            item.label.clone(),
            item.address.clone(),
            item.res.span.clone(),
        );
        let mut attributes = Map::new();
        body(&item.res, "", &mut tracker, &mut attributes);
        let meta = tracker.finish(&mut self.locations);
        let format = match item.res.format() {
            Format::Terraform => "terraform",
            Format::CloudFormation => "cloudformation",
        };
        let mut json = Map::new();
        json.insert("id".into(), Json::String(meta.id));
        json.insert("type".into(), Json::String(rtype.to_string()));
        json.insert("name".into(), Json::String(meta.label));
        json.insert("address".into(), Json::String(item.address.clone()));
        json.insert("format".into(), Json::String(format.into()));
        json.insert("attributes".into(), Json::Object(attributes));
        json.insert(
            "unknown".into(),
            Json::Array(meta.unknown.into_iter().map(Json::String).collect()),
        );
        self.resources.push(RawResource {
            file: item.res.span.file,
            json,
        });
    }

    /// The policy input: `{"resources": [...]}`, each resource's `file` named by `file_name`.
    pub fn to_json(&self, file_name: impl Fn(FileId) -> String) -> Json {
        let resources = self
            .resources
            .iter()
            .map(|r| {
                let mut json = r.json.clone();
                json.insert("file".into(), Json::String(file_name(r.file)));
                Json::Object(json)
            })
            .collect();
        let mut input = Map::new();
        input.insert("resources".into(), Json::Array(resources));
        Json::Object(input)
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Reads every attribute and nested block of `res` into `out`, their paths under `prefix`.
fn body(res: &Res, prefix: &str, tracker: &mut Tracker, out: &mut Map<String, Json>) {
    let terraform = res.format() == Format::Terraform;
    // A plan leaves out what is known only after apply and lists it in `after_unknown`.
    let after_apply = res.unknown_after_apply();
    for (key, parts) in &after_apply {
        let path = join(prefix, key);
        for part in parts {
            tracker.mark_unknown(format!("{path}{part}"));
        }
        if parts.iter().any(String::is_empty) {
            tracker.at(path, res.span.clone());
        }
    }
    for key in res.keys() {
        if terraform && prefix.is_empty() && META_ARGUMENTS.contains(&key.as_str()) {
            continue;
        }
        let path = join(prefix, &key);
        if after_apply
            .iter()
            .any(|(k, parts)| *k == key && parts.iter().any(String::is_empty))
        {
            continue;
        }
        if res.has(key.as_str()) || !res.is_hcl() {
            let Some((value, span, trace, why)) = res.attr_traced(key.as_str()) else {
                continue;
            };
            tracker.at(path.clone(), span);
            if !trace.is_empty() {
                tracker.locs.traces.insert(path.clone(), trace);
            }
            if !why.is_empty() {
                tracker.explain(&path, why);
            }
            // `attr = null` leaves the argument out.
            if value == Value::Null {
                continue;
            }
            let tree = match value {
                Value::Object(_) | Value::List(_) => res.document_tree(&key),
                _ => None,
            };
            if let Some(json) = convert(&value, &path, tree.as_ref(), tracker) {
                out.insert(key, json);
            }
            continue;
        }
        // A nested block (HCL): a list of objects, as Terraform's own JSON shows them.
        match res.nested(key.as_str()) {
            Err(why) => {
                tracker.at(path.clone(), res.span.clone());
                tracker.mark_unknown(path.clone());
                tracker.explain(&path, why);
            }
            Ok(blocks) if blocks.is_empty() => {}
            Ok(blocks) => {
                let mut items = Vec::with_capacity(blocks.len());
                for (i, b) in blocks.iter().enumerate() {
                    let item_path = format!("{path}[{i}]");
                    if i == 0 {
                        tracker.at(path.clone(), b.span.clone());
                    }
                    tracker.at(item_path.clone(), b.span.clone());
                    let mut fields = Map::new();
                    body(b, &item_path, tracker, &mut fields);
                    items.push(Json::Object(fields));
                }
                out.insert(key, Json::Array(items));
            }
        }
    }
}

/// The JSON of `value` at `path` with its unknown parts left out and listed; `None` when it is
/// unknown as a whole. `tree` says where the parts are written, when the source writes them out.
fn convert(
    value: &Value,
    path: &str,
    tree: Option<&SpanTree>,
    tracker: &mut Tracker,
) -> Option<Json> {
    match value {
        Value::Unknown | Value::Ref(_) | Value::Json(_) => {
            tracker.mark_unknown(path.to_string());
            None
        }
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                let p = format!("{path}.{k}");
                let member = tree.and_then(|t| t.member(k));
                if let Some(m) = member {
                    tracker.at(p.clone(), m.span.clone());
                }
                if let Some(json) = convert(v, &p, member.map(|m| &m.value), tracker) {
                    out.insert(k.clone(), json);
                }
            }
            Some(Json::Object(out))
        }
        Value::List(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                let item = tree.and_then(|t| t.items()).and_then(|items| items.get(i));
                if let Some(t) = item {
                    tracker.at(p.clone(), t.span.clone());
                }
                out.push(convert(v, &p, item, tracker).unwrap_or(Json::Null));
            }
            Some(Json::Array(out))
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => value.to_json(),
    }
}
