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

/// A plan whose structure is not that of `terraform show -json`: where, and what was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanError {
    pub span: std::ops::Range<usize>,
    pub message: String,
}

impl Plan {
    /// Reads a parsed plan document. Every part preflight reads must have the type Terraform writes
    /// (a located error otherwise, rather than a plan silently read as empty); other keys are ignored.
    pub fn from_json(doc: &Node) -> Result<Plan, PlanError> {
        let doc = object(doc, "the plan")?;
        let Some(planned) = field(doc, "planned_values", Expect::Object, "")? else {
            return Err(PlanError {
                span: doc.span.start..doc.span.start,
                message: "looks like `terraform show -json` output but has no `planned_values`"
                    .into(),
            });
        };
        let root = required(planned, "root_module", Expect::Object, "planned_values")?;
        let mut unknown: BTreeMap<String, Node> = BTreeMap::new();
        let changes = field(doc, "resource_changes", Expect::Array, "")?;
        for (i, rc) in changes
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let path = format!("resource_changes[{i}]");
            let rc = object_at(rc, &path)?;
            let address = required(rc, "address", Expect::String, &path)?;
            let change = field(rc, "change", Expect::Object, &path)?;
            if let (Some(address), Some(u)) = (
                address.as_str(),
                change.and_then(|c| c.get("after_unknown")),
            ) {
                unknown.insert(address.to_string(), u.clone());
            }
        }
        let mut refs: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        if let Some(config) = field(doc, "configuration", Expect::Object, "")? {
            if let Some(root) = field(config, "root_module", Expect::Object, "configuration")? {
                collect_refs(root, "", "configuration.root_module", &mut refs)?;
            }
        }
        let mut plan = Plan::default();
        collect(
            root,
            "planned_values.root_module",
            &unknown,
            &refs,
            &mut plan,
        )?;
        Ok(plan)
    }
}

/// The JSON type a key of the plan must have.
#[derive(Clone, Copy)]
enum Expect {
    Object,
    Array,
    String,
    /// An instance key: a number or a string.
    Index,
}

impl Expect {
    fn name(self) -> &'static str {
        match self {
            Expect::Object => "an object",
            Expect::Array => "a list",
            Expect::String => "a string",
            Expect::Index => "a number or a string",
        }
    }

    fn accepts(self, node: &Node) -> bool {
        matches!(
            (self, &node.kind),
            (Expect::Object, json::Kind::Object(_))
                | (Expect::Array, json::Kind::Array(_))
                | (Expect::String, json::Kind::String(_))
                | (Expect::Index, json::Kind::Number(_) | json::Kind::String(_))
        )
    }
}

fn found(node: &Node) -> &'static str {
    match node.kind {
        json::Kind::Null => "null",
        json::Kind::Bool(_) => "a boolean",
        json::Kind::Number(_) => "a number",
        json::Kind::String(_) => "a string",
        json::Kind::Array(_) => "a list",
        json::Kind::Object(_) => "an object",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn shape_error(node: &Node, what: &str, expect: Expect) -> PlanError {
    PlanError {
        span: node.span.clone(),
        message: format!(
            "not the shape of `terraform show -json` output: `{what}` must be {}, not {}",
            expect.name(),
            found(node)
        ),
    }
}

/// `obj.key` when present, checked against `expect`. `null` counts as absent.
fn field<'a>(
    obj: &'a Node,
    key: &str,
    expect: Expect,
    path: &str,
) -> Result<Option<&'a Node>, PlanError> {
    match obj.get(key) {
        None => Ok(None),
        Some(v) if v.is_null() => Ok(None),
        Some(v) if expect.accepts(v) => Ok(Some(v)),
        Some(v) => Err(shape_error(v, &join(path, key), expect)),
    }
}

/// `obj.key`, which Terraform always writes.
fn required<'a>(
    obj: &'a Node,
    key: &str,
    expect: Expect,
    path: &str,
) -> Result<&'a Node, PlanError> {
    match obj.get(key) {
        Some(v) if expect.accepts(v) => Ok(v),
        Some(v) => Err(shape_error(v, &join(path, key), expect)),
        None => Err(PlanError {
            span: obj.span.start..obj.span.start,
            message: format!(
                "not the shape of `terraform show -json` output: `{}` has no `{key}`",
                if path.is_empty() { "the plan" } else { path }
            ),
        }),
    }
}

fn object<'a>(node: &'a Node, what: &str) -> Result<&'a Node, PlanError> {
    if Expect::Object.accepts(node) {
        Ok(node)
    } else {
        Err(PlanError {
            span: node.span.clone(),
            message: format!(
                "not the shape of `terraform show -json` output: {what} must be an object, not {}",
                found(node)
            ),
        })
    }
}

/// The `resources` of a module object (planned values or configuration), each an object with its
/// path for errors.
fn module_resources<'a>(
    module: &'a Node,
    path: &str,
) -> Result<Vec<(String, &'a Node)>, PlanError> {
    let resources = field(module, "resources", Expect::Array, path)?;
    resources
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let path = format!("{path}.resources[{i}]");
            object_at(r, &path).map(|r| (path, r))
        })
        .collect()
}

fn object_at<'a>(node: &'a Node, path: &str) -> Result<&'a Node, PlanError> {
    if Expect::Object.accepts(node) {
        Ok(node)
    } else {
        Err(shape_error(node, path, Expect::Object))
    }
}

fn collect(
    module: &Node,
    path: &str,
    unknown: &BTreeMap<String, Node>,
    refs: &BTreeMap<String, BTreeMap<String, String>>,
    plan: &mut Plan,
) -> Result<(), PlanError> {
    field(module, "address", Expect::String, path)?;
    for (path, r) in module_resources(module, path)? {
        let text = |key: &str| -> Result<&str, PlanError> {
            Ok(required(r, key, Expect::String, &path)?
                .as_str()
                .unwrap_or_default())
        };
        let (address, mode, rtype, name) = (
            text("address")?,
            text("mode")?,
            text("type")?,
            text("name")?,
        );
        let index = field(r, "index", Expect::Index, &path)?;
        let values = field(r, "values", Expect::Object, &path)?;
        let Some(values) = values.filter(|_| mode == "managed") else {
            continue;
        };
        let label = match index.map(|i| &i.kind) {
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
    let children = field(module, "child_modules", Expect::Array, path)?;
    for (i, child) in children
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let path = format!("{path}.child_modules[{i}]");
        collect(object_at(child, &path)?, &path, unknown, refs, plan)?;
    }
    Ok(())
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
fn collect_refs(
    module: &Node,
    prefix: &str,
    path: &str,
    out: &mut BTreeMap<String, BTreeMap<String, String>>,
) -> Result<(), PlanError> {
    for (path, r) in module_resources(module, path)? {
        let Some(address) = required(r, "address", Expect::String, &path)?.as_str() else {
            continue;
        };
        let mut attrs = BTreeMap::new();
        let expressions = field(r, "expressions", Expect::Object, &path)?;
        for p in expressions.map(Node::props).unwrap_or_default() {
            // An expression is an object; a nested block is an object or a list of them.
            let Some(references) = p.value.get("references") else {
                continue;
            };
            if !Expect::Array.accepts(references) {
                let what = format!("{path}.expressions.{}.references", p.key);
                return Err(shape_error(references, &what, Expect::Array));
            }
            let target = references
                .items()
                .iter()
                .filter_map(Node::as_str)
                .find_map(resource_of);
            if let Some(t) = target {
                attrs.insert(p.key.clone(), format!("{prefix}{t}"));
            }
        }
        out.insert(format!("{prefix}{address}"), attrs);
    }
    let calls = field(module, "module_calls", Expect::Object, path)?;
    for call in calls.map(Node::props).unwrap_or_default() {
        let call_path = format!("{path}.module_calls.{}", call.key);
        let call_node = object_at(&call.value, &call_path)?;
        if let Some(child) = field(call_node, "module", Expect::Object, &call_path)? {
            collect_refs(
                child,
                &format!("{prefix}module.{}.", call.key),
                &format!("{call_path}.module"),
                out,
            )?;
        }
    }
    Ok(())
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

    const GOOD: &str = r#"{"format_version": "1.2", "terraform_version": "1.9.5", "extra": [1],
      "planned_values": {"root_module": {"resources": [
        {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
         "index": 0, "values": {"bucket": "x"}, "unknown_key": true}],
        "child_modules": [{"address": "module.m", "resources": []}]}},
      "resource_changes": [{"address": "aws_s3_bucket.b", "change": {"after_unknown": {}}}],
      "configuration": {"root_module": {"resources": [{"address": "aws_s3_bucket.b",
        "expressions": {"bucket": {"references": ["var.x"]}, "rule": [{"a": {}}]}}],
        "module_calls": {"m": {"module": {"resources": []}}}}}}"#;

    /// The plan `GOOD` with `from` replaced by `to`, read.
    fn read(from: &str, to: &str) -> (String, Result<Plan, PlanError>) {
        assert!(GOOD.contains(from), "{from}");
        let text = GOOD.replacen(from, to, 1);
        let doc = json::parse(&text).expect("valid JSON");
        let plan = Plan::from_json(&doc);
        (text, plan)
    }

    #[track_caller]
    fn shape_error(from: &str, to: &str, path: &str, located: &str) {
        let (text, plan) = read(from, to);
        let err = plan.expect_err("wrong shape");
        assert!(err.message.contains(&format!("`{path}`")), "{err:?}");
        assert!(err.message.contains("terraform show -json"), "{err:?}");
        assert_eq!(&text[err.span.clone()], located, "{err:?}");
    }

    #[test]
    fn the_good_plan_reads_with_unknown_keys() {
        let (_, plan) = read("", "");
        let plan = plan.expect("reads");
        assert_eq!(plan.resources.len(), 1);
        assert_eq!(plan.resources[0].label, "b[0]");
        assert!(plan.resources[0].unknown.is_some());
    }

    #[test]
    fn wrong_types_are_located_errors() {
        shape_error(
            r#""root_module": {"resources""#,
            r#""root_module": 1, "x": {"resources""#,
            "planned_values.root_module",
            "1",
        );
        shape_error(
            r#""planned_values": {"#,
            r#""planned_values": [], "y": {"#,
            "planned_values",
            "[]",
        );
        shape_error(
            r#""resources": [
        {"#,
            r#""resources": "x", "z": [{"#,
            "planned_values.root_module.resources",
            "\"x\"",
        );
        shape_error(
            r#""values": {"bucket": "x"}"#,
            r#""values": ["x"]"#,
            "planned_values.root_module.resources[0].values",
            "[\"x\"]",
        );
        shape_error(
            r#""child_modules": [{"#,
            r#""child_modules": {"a": 1}, "c": [{"#,
            "planned_values.root_module.child_modules",
            "{\"a\": 1}",
        );
        shape_error(
            r#""child_modules": [{"address": "module.m""#,
            r#""child_modules": [7, {"address": "module.m""#,
            "planned_values.root_module.child_modules[0]",
            "7",
        );
        shape_error(
            r#""address": "module.m""#,
            r#""address": false"#,
            "planned_values.root_module.child_modules[0].address",
            "false",
        );
        shape_error(
            r#""address": "aws_s3_bucket.b", "mode""#,
            r#""address": 3, "mode""#,
            "planned_values.root_module.resources[0].address",
            "3",
        );
        shape_error(
            r#""type": "aws_s3_bucket""#,
            r#""type": {}"#,
            "planned_values.root_module.resources[0].type",
            "{}",
        );
        shape_error(
            r#""name": "b""#,
            r#""name": ["b"]"#,
            "planned_values.root_module.resources[0].name",
            "[\"b\"]",
        );
        shape_error(
            r#""mode": "managed""#,
            r#""mode": 1"#,
            "planned_values.root_module.resources[0].mode",
            "1",
        );
        shape_error(
            r#""index": 0"#,
            r#""index": [0]"#,
            "planned_values.root_module.resources[0].index",
            "[0]",
        );
        shape_error(
            r#""resource_changes": ["#,
            r#""resource_changes": "all", "w": ["#,
            "resource_changes",
            "\"all\"",
        );
        shape_error(
            r#""change": {"after_unknown": {}}"#,
            r#""change": 1"#,
            "resource_changes[0].change",
            "1",
        );
        shape_error(
            r#""configuration": {"#,
            r#""configuration": 2, "v": {"#,
            "configuration",
            "2",
        );
        shape_error(
            r#""references": ["var.x"]"#,
            r#""references": "var.x""#,
            "configuration.root_module.resources[0].expressions.bucket.references",
            "\"var.x\"",
        );
        shape_error(
            r#""module_calls": {"m": {"module": {"#,
            r#""module_calls": {"m": {"module": 5, "u": {"#,
            "configuration.root_module.module_calls.m.module",
            "5",
        );
        // A resource without its address: located at the resource.
        let (_, plan) = read(r#""address": "aws_s3_bucket.b", "mode""#, r#""mode""#);
        let err = plan.expect_err("no address");
        assert!(err.message.contains("has no `address`"), "{err:?}");
        // Not an object at all.
        let doc = json::parse("[1]").expect("JSON");
        assert!(Plan::from_json(&doc).is_err());
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_plan(
            "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.0\",\"planned_values\":{}}"
        ));
        assert!(!looks_like_plan("{\"name\":\"web\",\"version\":\"1.0.0\"}"));
    }
}
