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

/// The tags an AWS provider's `default_tags` block gives every resource it manages.
#[derive(Debug, Clone)]
pub struct DefaultTags {
    /// `default_tags { tags = … }`, evaluated where the provider is configured.
    pub value: Value,
    /// Where that `tags` argument is written.
    pub span: crate::source::Span,
    /// Why the value (or a part) is unknown, when it is.
    pub why: Vec<String>,
}

/// The path of member `key` of the object at `prefix`: `prefix.key`, or `prefix["key"]` (the key as a
/// JSON string) when the key holds a character that would make the path ambiguous (`.`, `[`, `]`,
/// `"`, `\`, white space) or is empty.
pub fn key_path(prefix: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && !key.chars().any(|c| {
            matches!(c, '.' | '[' | ']' | '"' | '\\') || c.is_whitespace() || c.is_control()
        });
    match (plain, prefix.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => format!("{prefix}.{key}"),
        (false, _) => format!(
            "{prefix}[{}]",
            serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""))
        ),
    }
}

/// A result path given as a list of segments (`["tags", "kubernetes.io/cluster"]`, numbers for list
/// indices) in the path syntax of [`key_path`]; `None` when a segment is neither a string nor a
/// whole number.
pub fn path_of_segments(segments: &[Json]) -> Option<String> {
    let mut out = String::new();
    for s in segments {
        match s {
            Json::String(k) => out = key_path(&out, k),
            Json::Number(n) => out.push_str(&format!("[{}]", n.as_u64()?)),
            _ => return None,
        }
    }
    Some(out)
}

impl RawInput {
    /// Adds a resource of type `rtype`.
    pub(crate) fn push(&mut self, rtype: &str, item: &Item) {
        self.push_with(rtype, item, None);
    }

    /// Adds a Terraform resource of type `rtype` written in HCL; an `aws_*` resource gets `tags_all`,
    /// its `tags` over the provider's `default_tags` (as Terraform computes it).
    pub(crate) fn push_terraform(
        &mut self,
        rtype: &str,
        item: &Item,
        defaults: Option<DefaultTags>,
    ) {
        self.push_with(rtype, item, Some(defaults));
    }

    fn push_with(&mut self, rtype: &str, item: &Item, aws_defaults: Option<Option<DefaultTags>>) {
        let mut tracker = Tracker::new(
            item.address.clone(),
            item.label.clone(),
            item.address.clone(),
            item.res.span.clone(),
        );
        let mut attributes = Map::new();
        body(&item.res, "", &mut tracker, &mut attributes);
        if let Some(defaults) = aws_defaults {
            if rtype.starts_with("aws_") {
                tags_all(defaults, &mut tracker, &mut attributes);
            }
        }
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

/// `tags_all` of an AWS resource: the provider's default tags with the resource's `tags` over them.
/// Added when either is there; unknown as a whole when either is, member by member when a member is.
fn tags_all(
    defaults: Option<DefaultTags>,
    tracker: &mut Tracker,
    attributes: &mut Map<String, Json>,
) {
    const PATH: &str = "tags_all";
    // `override_provider { default_tags { tags = … } }` replaces the provider's default tags for this
    // resource (`tags = {}` leaves them out); an unknown override leaves them unknown.
    const OVERRIDE: &str = "override_provider";
    let overridden = tracker
        .unknown_paths()
        .iter()
        .any(|u| u == OVERRIDE || u.starts_with("override_provider["));
    let override_tags = attributes
        .get(OVERRIDE)
        .and_then(|o| o.pointer("/0/default_tags/0/tags"))
        .and_then(Json::as_object)
        .cloned();
    if overridden {
        tracker.mark_unknown(PATH);
        if let Some(why) = tracker.locs.unknown_why.get(OVERRIDE).cloned() {
            tracker.explain(PATH, why);
        }
        return;
    }
    let override_span = [
        "override_provider[0].default_tags[0].tags",
        "override_provider",
    ]
    .iter()
    .find_map(|p| tracker.locs.attrs.get(*p).cloned());
    let defaults = match (override_tags, override_span) {
        (Some(tags), _) if tags.is_empty() => None,
        (Some(tags), Some(span)) => Some(DefaultTags {
            value: Value::from_json(&Json::Object(tags)),
            span,
            why: Vec::new(),
        }),
        // Tags that cannot be located are not guessed at.
        (Some(_), None) => Some(DefaultTags {
            value: Value::Unknown,
            span: tracker.locs.header.clone(),
            why: Vec::new(),
        }),
        (None, _) => defaults,
    };
    let own = attributes.get("tags").and_then(Json::as_object).cloned();
    let own_unknown = tracker.is_unknown("tags");
    if defaults.is_none() && own.is_none() && !own_unknown {
        return;
    }
    // Where `tags_all` as a whole points: the resource's `tags`, else (defaults alone) its header.
    if let Some(span) = tracker.locs.attrs.get("tags").cloned() {
        tracker.at(PATH, span);
    }
    if own_unknown {
        tracker.mark_unknown(PATH);
        if let Some(why) = tracker.locs.unknown_why.get("tags").cloned() {
            tracker.explain(PATH, why);
        }
        return;
    }
    let mut merged = Map::new();
    if let Some(d) = defaults {
        match convert(&d.value, PATH, None, tracker) {
            Some(Json::Object(map)) => {
                for (k, v) in map {
                    tracker.at(key_path(PATH, &k), d.span.clone());
                    merged.insert(k, v);
                }
                // Unknown default members were listed by `convert`; they point at the provider.
                if !d.why.is_empty() {
                    tracker.explain(PATH, d.why.clone());
                }
            }
            Some(_) => {}
            None => {
                tracker.explain(PATH, d.why);
                return;
            }
        }
    }
    // The resource's own tags win; one that is unknown hides the default of the same key.
    let unknown_own: Vec<String> = tracker
        .unknown_paths()
        .iter()
        .filter_map(|u| u.strip_prefix("tags"))
        .filter(|rest| rest.starts_with(['.', '[']))
        .map(|rest| format!("{PATH}{rest}"))
        .collect();
    // Why the resource's own tags are (partly) unknown, next to the provider's reasons.
    if let Some(why) = tracker.locs.unknown_why.get("tags").cloned() {
        let mut all = tracker
            .locs
            .unknown_why
            .get(PATH)
            .cloned()
            .unwrap_or_default();
        all.extend(
            why.into_iter()
                .filter(|w| !all.contains(w))
                .collect::<Vec<_>>(),
        );
        tracker.explain(PATH, all);
    }
    for u in unknown_own {
        // Where the resource writes the unknown tag.
        let own_path = format!("tags{}", &u[PATH.len()..]);
        if let Some(span) = tracker.locs.attrs.get(&own_path).cloned() {
            tracker.at(u.clone(), span);
        }
        let key = u.strip_prefix("tags_all.").map(str::to_string).or_else(|| {
            u.strip_prefix("tags_all[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|q| serde_json::from_str::<String>(q).ok())
        });
        if let Some(k) = key {
            merged.remove(&k);
        }
        tracker.mark_unknown(u);
    }
    for (k, v) in own.unwrap_or_default() {
        if let Some(span) = tracker.locs.attrs.get(&key_path("tags", &k)).cloned() {
            tracker.at(key_path(PATH, &k), span);
        }
        merged.insert(k, v);
    }
    attributes.insert(PATH.into(), Json::Object(merged));
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
                let p = key_path(path, k);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_would_make_a_path_ambiguous_are_quoted() {
        assert_eq!(key_path("tags", "owner"), "tags.owner");
        assert_eq!(key_path("", "tags"), "tags");
        assert_eq!(key_path("tags", "aws:team"), "tags.aws:team");
        assert_eq!(
            key_path("tags", "kubernetes.io/cluster"),
            "tags[\"kubernetes.io/cluster\"]"
        );
        assert_eq!(key_path("m", "a \"b\""), "m[\"a \\\"b\\\"\"]");
        assert_eq!(key_path("m", ""), "m[\"\"]");
        let segs = serde_json::json!(["rule", 1, "tags", "a.b"]);
        assert_eq!(
            path_of_segments(segs.as_array().expect("list")).as_deref(),
            Some("rule[1].tags[\"a.b\"]")
        );
        let bad = serde_json::json!(["a", true]);
        assert_eq!(path_of_segments(bad.as_array().expect("list")), None);
    }
}
