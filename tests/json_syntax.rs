//! Terraform JSON syntax (`*.tf.json`) must give what native syntax gives. Every policy fixture folder
//! and every evaluation scenario under `testdata/eval/` is copied with its `.tf` files converted to
//! `.tf.json` (by the converter below, which writes what CDK for Terraform would: expressions as
//! `"${…}"` strings, blocks as objects), both trees are scanned, and
//! - the findings and the undecided checks must name the same rules and resources;
//! - each finding in JSON must point at a line that names the same attribute, or for a finding on the
//!   whole resource the same resource name, as the native finding does.

use assert_cmd::Command;
use hcl_edit::expr::Expression;
use hcl_edit::structure::Body;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------------------------------------
// Native syntax → JSON syntax (test only).

fn source(e: &Expression) -> String {
    e.to_string().trim().to_string()
}

/// A string whose characters are taken literally by a JSON-syntax template.
fn literal(s: &str) -> String {
    s.replace("${", "$${").replace("%{", "%%{")
}

/// An argument's value: literals as JSON values, anything else as a `"${…}"` template.
fn expression(e: &Expression) -> Value {
    match e {
        Expression::Null(_) => Value::Null,
        Expression::Bool(b) => Value::Bool(*b.value()),
        Expression::Number(n) => {
            serde_json::from_str(&n.value().to_string()).unwrap_or(Value::Null)
        }
        Expression::String(s) => Value::String(literal(s.value())),
        Expression::HeredocTemplate(h) => Value::String(h.template.to_string()),
        other => Value::String(format!("${{{}}}", source(other))),
    }
}

/// A value taken literally (a variable's default).
fn constant(e: &Expression) -> Option<Value> {
    Some(match e {
        Expression::Null(_) => Value::Null,
        Expression::Bool(b) => Value::Bool(*b.value()),
        Expression::Number(n) => serde_json::from_str(&n.value().to_string()).ok()?,
        Expression::String(s) => Value::String(s.value().clone()),
        Expression::Array(a) => Value::Array(a.iter().map(constant).collect::<Option<_>>()?),
        Expression::Object(o) => {
            let mut m = Map::new();
            for (k, v) in o.iter() {
                let key = match k {
                    hcl_edit::expr::ObjectKey::Ident(i) => i.as_str().to_string(),
                    hcl_edit::expr::ObjectKey::Expression(Expression::String(s)) => {
                        s.value().clone()
                    }
                    _ => return None,
                };
                m.insert(key, constant(v.expr())?);
            }
            Value::Object(m)
        }
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Resource,
    Module,
    Variable,
    Other,
}

fn body(b: &Body, kind: Kind) -> Value {
    let mut out = Map::new();
    for a in b.attributes() {
        let key = a.key.as_str();
        let v = match (kind, key) {
            (Kind::Variable, "type") => Value::String(source(&a.value)),
            (Kind::Variable, "default") => match constant(&a.value) {
                Some(v) => v,
                None => continue,
            },
            (Kind::Module, "source" | "version") => expression(&a.value),
            (_, "depends_on") => match &a.value {
                Expression::Array(items) => {
                    Value::Array(items.iter().map(|i| Value::String(source(i))).collect())
                }
                _ => continue,
            },
            (Kind::Resource, "provider" | "iterator") => Value::String(source(&a.value)),
            _ => expression(&a.value),
        };
        out.insert(key.to_string(), v);
    }
    let mut nested: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut dynamic = Map::new();
    for blk in b.blocks() {
        if blk.ident.as_str() == "dynamic" {
            let label = blk.labels[0].as_str().to_string();
            dynamic.insert(label, body(&blk.body, Kind::Resource));
        } else {
            nested
                .entry(blk.ident.as_str().to_string())
                .or_default()
                .push(body(&blk.body, kind));
        }
    }
    for (ident, mut blocks) in nested {
        let v = if blocks.len() == 1 {
            blocks.remove(0)
        } else {
            Value::Array(blocks)
        };
        out.insert(ident, v);
    }
    if !dynamic.is_empty() {
        out.insert("dynamic".into(), Value::Object(dynamic));
    }
    Value::Object(out)
}

fn labelled(map: &mut Map<String, Value>, path: &[&str], value: Value) {
    let (last, init) = path.split_last().expect("a path");
    let mut m = map;
    for k in init {
        m = m
            .entry(k.to_string())
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .expect("an object");
    }
    m.insert(last.to_string(), value);
}

fn file(text: &str) -> String {
    let parsed = hcl_edit::parser::parse_body(text).expect("fixture parses");
    let mut out = Map::new();
    for blk in parsed.blocks() {
        let labels: Vec<&str> = blk.labels.iter().map(|l| l.as_str()).collect();
        let ident = blk.ident.as_str();
        let kind = match ident {
            "resource" | "data" => Kind::Resource,
            "module" => Kind::Module,
            "variable" => Kind::Variable,
            _ => Kind::Other,
        };
        match (ident, labels.as_slice()) {
            ("locals", []) => {
                let locals = out
                    .entry("locals")
                    .or_insert_with(|| Value::Object(Map::new()));
                if let (Some(m), Value::Object(new)) =
                    (locals.as_object_mut(), body(&blk.body, kind))
                {
                    m.extend(new);
                }
            }
            ("resource" | "data", [t, n]) => {
                labelled(&mut out, &[ident, t, n], body(&blk.body, kind))
            }
            ("variable" | "output" | "module", [n]) => {
                labelled(&mut out, &[ident, n], body(&blk.body, kind))
            }
            // Provider configurations; several of one provider (aliases) become an array.
            ("provider", [n]) => {
                let providers = out
                    .entry("provider")
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Some(m) = providers.as_object_mut() {
                    let config = body(&blk.body, kind);
                    match m.remove(*n) {
                        None => m.insert(n.to_string(), config),
                        Some(Value::Array(mut all)) => {
                            all.push(config);
                            m.insert(n.to_string(), Value::Array(all))
                        }
                        Some(first) => m.insert(n.to_string(), Value::Array(vec![first, config])),
                    };
                }
            }
            // Terraform JSON writes `required_providers` entries as literal objects.
            ("terraform", []) => {
                let mut providers = Map::new();
                for b in blk.body.get_blocks("required_providers") {
                    for a in b.body.attributes() {
                        if let Some(v) = constant(&a.value) {
                            providers.insert(a.key.as_str().to_string(), v);
                        }
                    }
                }
                let mut tf = Map::new();
                tf.insert("required_providers".into(), Value::Object(providers));
                out.insert("terraform".into(), Value::Object(tf));
            }
            _ => {}
        }
    }
    serde_json::to_string_pretty(&Value::Object(out)).expect("JSON")
}

/// Copies `from` to `to`, writing every `.tf` file as `.tf.json`.
fn convert_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            convert_tree(&path, &to.join(&name));
        } else if name.ends_with(".tf") {
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(to.join(format!("{name}.json")), file(&text)).expect("write");
        } else {
            std::fs::copy(&path, to.join(&name)).expect("copy");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scanning both.

/// (rule, resource, file without `.json`) → the names the lines of its findings carry.
type Seen = BTreeMap<(String, String, String), Vec<String>>;

fn scan(dir: &Path) -> (Seen, Vec<(String, String)>) {
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(dir)
        .args(["check", ".", "--format", "json", "--show-unknown"])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(
        v["errors"],
        Value::Array(Vec::new()),
        "errors scanning {}",
        dir.display()
    );
    let mut seen = Seen::new();
    for f in v["findings"].as_array().expect("findings") {
        let file = f["file"].as_str().expect("file");
        if !is_terraform(file) {
            continue;
        }
        let line = f["line"].as_u64().expect("line") as usize;
        let text = std::fs::read_to_string(dir.join(file)).expect("read finding's file");
        let line_text = text.lines().nth(line - 1).unwrap_or_default();
        let name = if file.ends_with(".json") {
            line_text.to_string()
        } else {
            // A line inside a multi-line value (a statement of a `jsonencode` policy, a heredoc) is
            // one line of a JSON string in JSON syntax: the line naming the attribute.
            enclosing_attribute(&text, line).unwrap_or_else(|| native_name(line_text))
        };
        seen.entry((
            f["rule_id"].as_str().unwrap_or_default().to_string(),
            f["resource"].as_str().unwrap_or_default().to_string(),
            file.trim_end_matches(".json").to_string(),
        ))
        .or_default()
        .push(name);
    }
    let mut undecided: Vec<(String, String)> = v["undecided"]
        .as_array()
        .map(|u| {
            u.iter()
                .filter(|u| is_terraform(u["file"].as_str().unwrap_or_default()))
                .map(|u| {
                    (
                        u["rule_id"].as_str().unwrap_or_default().to_string(),
                        u["resource"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    undecided.sort();
    undecided.dedup();
    (seen, undecided)
}

fn is_terraform(file: &str) -> bool {
    file.ends_with(".tf") || file.ends_with(".tf.json")
}

/// The attribute whose value spans native line `line` (1-based) without starting on it.
fn enclosing_attribute(text: &str, line: usize) -> Option<String> {
    use hcl_edit::Span as _;
    let body = hcl_edit::parser::parse_body(text).ok()?;
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let mut pending: Vec<&Body> = vec![&body];
    while let Some(b) = pending.pop() {
        for a in b.attributes() {
            let Some(r) = a.span() else { continue };
            if line_of(r.start) < line && line <= line_of(r.end) {
                return Some(a.key.as_str().to_string());
            }
        }
        pending.extend(b.blocks().map(|blk| &blk.body));
    }
    None
}

/// What a native line names: the attribute it sets, or the last label of the block it opens.
fn native_name(line: &str) -> String {
    let t = line.split(" # ").next().unwrap_or(line).trim();
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(t.len());
    if end > 0 && t[end..].trim_start().starts_with('=') {
        return t[..end].to_string();
    }
    let head = t.trim_end_matches('{').trim();
    head.rsplit(' ')
        .next()
        .unwrap_or(head)
        .trim_matches('"')
        .to_string()
}

/// Compares the two syntaxes in `native`; returns how many findings were compared.
fn compare(native: &Path) -> usize {
    let tmp = tempfile::tempdir().expect("tempdir");
    convert_tree(native, tmp.path());
    let (want, want_undecided) = scan(native);
    let (got, got_undecided) = scan(tmp.path());
    let keys = |s: &Seen| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        keys(&got),
        keys(&want),
        "{}: findings differ between syntaxes",
        native.display()
    );
    assert_eq!(
        got_undecided,
        want_undecided,
        "{}: undecided checks differ",
        native.display()
    );
    for (key, names) in &want {
        let mut lines = got[key].clone();
        if native.join(format!("{}.json", key.2)).exists() {
            // Written in JSON syntax already: the same lines.
            assert_eq!(&lines, names, "{}: {key:?}", native.display());
            continue;
        }
        for name in names {
            let quoted = format!("\"{name}\"");
            let Some(i) = lines.iter().position(|l| l.contains(&quoted)) else {
                panic!(
                    "{}: {key:?} points at `{name}` in native syntax, but in JSON at {:?}",
                    native.display(),
                    lines
                );
            };
            lines.remove(i);
        }
    }
    want.values().map(Vec::len).sum()
}

fn dirs_with_tf(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.join("main.tf").exists() {
                out.push(path.clone());
            }
            dirs_with_tf(&path, out);
        }
    }
}

#[test]
fn policy_fixtures_give_the_same_findings_in_json_syntax() {
    let mut dirs = Vec::new();
    dirs_with_tf(&root().join("policies"), &mut dirs);
    assert!(dirs.len() >= 40, "found {} fixture folders", dirs.len());
    let compared: usize = dirs.iter().map(|d| compare(d)).sum();
    assert!(compared >= 40, "compared only {compared} findings");
}

#[test]
fn evaluation_scenarios_give_the_same_findings_in_json_syntax() {
    let eval = root().join("testdata/eval");
    let (mut dirs, mut compared) = (0, 0);
    for entry in std::fs::read_dir(&eval).expect("testdata/eval").flatten() {
        compared += compare(&entry.path());
        dirs += 1;
    }
    assert!(
        dirs >= 6 && compared >= 20,
        "{dirs} scenarios, {compared} findings"
    );
}
