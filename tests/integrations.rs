//! The integration files parse as YAML and say what README promises: the pre-commit hooks fire on
//! every file kind preflight reads, the Action has its inputs, and every third-party action is pinned
//! by a full commit SHA. (.ci/pre-commit-e2e runs the hooks with the real pre-commit.)

use saphyr::{LoadableYamlNode, Yaml};
use std::path::PathBuf;

fn load(path: &str) -> Yaml<'static> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text: &'static str = Box::leak(text.into_boxed_str());
    let mut docs = Yaml::load_from_str(text).unwrap_or_else(|e| panic!("{path}: not YAML: {e}"));
    assert_eq!(docs.len(), 1, "{path}: one document");
    docs.remove(0)
}

fn str_at<'y>(node: &'y Yaml, key: &str) -> Option<&'y str> {
    node.as_mapping_get(key).and_then(|v| v.as_str())
}

#[test]
fn pre_commit_hooks_cover_every_file_kind() {
    let hooks = load(".pre-commit-hooks.yaml");
    let hooks = hooks.as_vec().expect("a list of hooks");
    let mut languages = Vec::new();
    for hook in hooks {
        let id = str_at(hook, "id").expect("id");
        assert!(
            str_at(hook, "entry").is_some_and(|e| e.starts_with("preflight check")),
            "{id}"
        );
        languages.push(str_at(hook, "language").expect("language").to_string());
        let files = regex::Regex::new(str_at(hook, "files").expect("files")).expect("a regex");
        for name in [
            "main.tf",
            "infra/main.tf.json",
            "terraform.tfvars",
            "prod.auto.tfvars.json",
            "stack.yaml",
            "stack.yml",
            "stack.json",
            "stack.template",
            "plan.json",
        ] {
            assert!(files.is_match(name), "{id} misses {name}");
        }
        for name in ["main.rs", "README.md", "main.tftest", "notes.txt"] {
            assert!(!files.is_match(name), "{id} fires on {name}");
        }
    }
    languages.sort();
    assert_eq!(languages, vec!["rust", "system"]);
}

/// Every `uses:` under `steps` of `node` (recursively).
fn uses(node: &Yaml, out: &mut Vec<String>) {
    if let Some(map) = node.as_mapping() {
        for (k, v) in map {
            if k.as_str() == Some("uses") {
                if let Some(s) = v.as_str() {
                    out.push(s.to_string());
                }
            }
            uses(v, out);
        }
    } else if let Some(list) = node.as_vec() {
        for v in list {
            uses(v, out);
        }
    }
}

fn assert_pinned(path: &str, node: &Yaml) -> usize {
    let mut all = Vec::new();
    uses(node, &mut all);
    let sha = regex::Regex::new("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$").expect("regex");
    for u in &all {
        assert!(
            u.starts_with("./") || u == "." || sha.is_match(u),
            "{path}: `{u}` is not pinned by a full commit SHA"
        );
    }
    all.len()
}

#[test]
fn the_action_has_its_inputs_and_pins_what_it_uses() {
    let action = load("action.yml");
    let inputs = action.as_mapping_get("inputs").expect("inputs");
    for key in ["paths", "format", "fail-on", "config", "upload-sarif"] {
        assert!(inputs.as_mapping_get(key).is_some(), "input {key}");
    }
    let runs = action.as_mapping_get("runs").expect("runs");
    assert_eq!(str_at(runs, "using"), Some("composite"));
    assert!(assert_pinned("action.yml", &action) >= 1);
    let mut all = Vec::new();
    uses(&action, &mut all);
    assert!(all
        .iter()
        .any(|u| u.starts_with("github/codeql-action/upload-sarif@")));
}

#[test]
fn the_workflow_runs_the_checks_and_pins_what_it_uses() {
    let ci = load(".github/workflows/ci.yml");
    let jobs = ci.as_mapping_get("jobs").expect("jobs");
    assert!(jobs.as_mapping_get("test").is_some());
    assert!(jobs.as_mapping_get("self-scan").is_some());
    assert!(assert_pinned(".github/workflows/ci.yml", &ci) >= 3);
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/ci.yml"),
    )
    .expect("read");
    for step in [
        "cargo fmt",
        "cargo clippy",
        "cargo test",
        "cargo deny",
        "uses: ./",
    ] {
        assert!(text.contains(step), "ci.yml lacks {step}");
    }
}
