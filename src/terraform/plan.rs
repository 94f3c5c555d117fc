//! Terraform plans: the JSON that `terraform show -json PLANFILE` writes.
//!
//! Every value Terraform knew at plan time is in `planned_values` (modules included); what is known only
//! after apply is flagged in `resource_changes[].change.after_unknown`; the `configuration` section tells
//! which resource an unknown value references, so companion resources still join their parent.

use crate::json::{self, Node};
use std::collections::BTreeMap;

/// One managed resource instance of a plan.
#[derive(Debug)]
pub struct PlannedResource {
    /// The address as Terraform prints it (`module.a.aws_s3_bucket.b["x"]`).
    pub address: String,
    pub rtype: String,
    /// The name with its instance key (`b["x"]`), for messages.
    pub label: String,
    pub values: Node,
    pub unknown: Option<Node>,
    /// Attribute → address of the resource its configuration expression references.
    pub refs: BTreeMap<String, String>,
}

#[derive(Debug, Default)]
pub struct Plan {
    pub resources: Vec<PlannedResource>,
}

/// True when `text` starts like `terraform show -json` output (checked on a prefix, cheaply).
pub fn looks_like_plan(text: &str) -> bool {
    let head = &text[..text.len().min(4096)];
    head.contains("\"format_version\"")
        && head.contains("\"terraform_version\"")
        && (text.contains("\"planned_values\"") || text.contains("\"resource_changes\""))
}

impl Plan {
    /// Reads a parsed plan document; `None` when it has no `planned_values`.
    pub fn from_json(doc: &Node) -> Option<Plan> {
        let root = doc.get("planned_values")?.get("root_module")?;
        let mut unknown: BTreeMap<String, Node> = BTreeMap::new();
        for rc in doc
            .get("resource_changes")
            .map(Node::items)
            .unwrap_or_default()
        {
            if let (Some(address), Some(u)) = (
                rc.get("address").and_then(Node::as_str),
                rc.get("change").and_then(|c| c.get("after_unknown")),
            ) {
                unknown.insert(address.to_string(), u.clone());
            }
        }
        let mut refs: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        if let Some(config) = doc.get("configuration").and_then(|c| c.get("root_module")) {
            collect_refs(config, "", &mut refs);
        }
        let mut plan = Plan::default();
        collect(root, &unknown, &refs, &mut plan);
        Some(plan)
    }
}

fn collect(
    module: &Node,
    unknown: &BTreeMap<String, Node>,
    refs: &BTreeMap<String, BTreeMap<String, String>>,
    plan: &mut Plan,
) {
    for r in module.get("resources").map(Node::items).unwrap_or_default() {
        if r.get("mode").and_then(Node::as_str) != Some("managed") {
            continue;
        }
        let (Some(address), Some(rtype), Some(name), Some(values)) = (
            r.get("address").and_then(Node::as_str),
            r.get("type").and_then(Node::as_str),
            r.get("name").and_then(Node::as_str),
            r.get("values"),
        ) else {
            continue;
        };
        let label = match r.get("index").map(|i| &i.kind) {
            Some(json::Kind::Number(n)) => format!("{name}[{n}]"),
            Some(json::Kind::String(k)) => {
                format!("{name}[{}]", serde_json::Value::String(k.clone()))
            }
            _ => name.to_string(),
        };
        plan.resources.push(PlannedResource {
            address: address.to_string(),
            rtype: rtype.to_string(),
            label,
            values: values.clone(),
            unknown: unknown.get(address).cloned(),
            refs: refs
                .get(&config_address(address))
                .cloned()
                .unwrap_or_default(),
        });
    }
    for child in module
        .get("child_modules")
        .map(Node::items)
        .unwrap_or_default()
    {
        collect(child, unknown, refs, plan);
    }
}

/// `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`: the configuration's address.
fn config_address(address: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in address.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// From `configuration`: for every resource, the first resource each attribute's expression
/// references (`aws_s3_bucket.b.id` → `aws_s3_bucket.b`), with module prefixes.
fn collect_refs(module: &Node, prefix: &str, out: &mut BTreeMap<String, BTreeMap<String, String>>) {
    for r in module.get("resources").map(Node::items).unwrap_or_default() {
        let Some(address) = r.get("address").and_then(Node::as_str) else {
            continue;
        };
        let mut attrs = BTreeMap::new();
        for p in r.get("expressions").map(Node::props).unwrap_or_default() {
            let target = p
                .value
                .get("references")
                .map(Node::items)
                .unwrap_or_default()
                .iter()
                .filter_map(Node::as_str)
                .find_map(resource_of);
            if let Some(t) = target {
                attrs.insert(p.key.clone(), format!("{prefix}{t}"));
            }
        }
        out.insert(format!("{prefix}{address}"), attrs);
    }
    for call in module
        .get("module_calls")
        .map(Node::props)
        .unwrap_or_default()
    {
        if let Some(child) = call.value.get("module") {
            collect_refs(child, &format!("{prefix}module.{}.", call.key), out);
        }
    }
}

/// The resource address in a reference (`aws_s3_bucket.b.id` → `aws_s3_bucket.b`); none for
/// variables, locals, data sources and modules.
fn resource_of(reference: &str) -> Option<String> {
    let mut parts = reference.split('.');
    let (rtype, name) = (parts.next()?, parts.next()?);
    if [
        "var", "local", "data", "module", "count", "each", "path", "self",
    ]
    .contains(&rtype)
    {
        return None;
    }
    let name = name.split('[').next().unwrap_or(name);
    Some(format!("{rtype}.{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_without_instance_keys() {
        assert_eq!(
            config_address("module.a[\"x\"].aws_s3_bucket.b[0]"),
            "module.a.aws_s3_bucket.b"
        );
        assert_eq!(
            resource_of("aws_s3_bucket.b.id").as_deref(),
            Some("aws_s3_bucket.b")
        );
        assert_eq!(
            resource_of("aws_s3_bucket.b[0]").as_deref(),
            Some("aws_s3_bucket.b")
        );
        assert_eq!(resource_of("var.x"), None);
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_plan(
            "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.0\",\"planned_values\":{}}"
        ));
        assert!(!looks_like_plan("{\"name\":\"web\",\"version\":\"1.0.0\"}"));
    }
}
