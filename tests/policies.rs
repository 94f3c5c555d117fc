//! Every built-in policy: its Rego `test_` rules, and its fixtures through the whole binary.
//!
//! A fixture case is a folder (`fixtures/bad`, `good`, `left_out`, `unknown`) scanned as one module. A
//! line that must carry a finding of the policy ends with `# expect: RULE-ID`; the lines reported for that
//! rule must be exactly the marked ones. `bad` must mark at least one line. JSON files, which have no
//! comments, list theirs in an `expect` file (`template.json 29 AWS-S3-001`), written with their JSON twin
//! by `policies/tools/cfn_yaml_to_json.py` from the YAML template's markers.

use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rego_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("policies dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rego_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rego") {
            out.push(p);
        }
    }
}

fn all_rego() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rego_files(&root().join("policies"), &mut files);
    files.sort();
    files
}

fn policy_dirs() -> Vec<PathBuf> {
    all_rego()
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "policy.rego"))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect()
}

fn rule_id(policy: &str) -> String {
    policy
        .lines()
        .find_map(|l| l.trim_start_matches('#').trim().strip_prefix("id:"))
        .map(|s| s.trim().to_string())
        .expect("policy has an id")
}

/// The built-in policies' Rego tests, through `preflight test` (which runs the copies embedded in the
/// binary): every `test_` rule found in the sources must have passed.
#[test]
fn rego_unit_tests_pass() {
    let mut tests: Vec<String> = Vec::new();
    for f in all_rego() {
        if !f.to_string_lossy().ends_with("_test.rego") {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("read rego");
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("test_") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let rel = f.strip_prefix(root()).expect("under the root");
                tests.push(format!("{}:test_{name}", rel.display()));
            }
        }
    }
    tests.sort();
    tests.dedup();
    assert!(tests.len() > 50, "only {} Rego tests found", tests.len());
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(root())
        .arg("test")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // `PASS policies/…/policy_test.rego:12 data.<package>.test_x`
    let mut passed: Vec<String> = stdout
        .lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("PASS ")?;
            let (at, rule) = rest.split_once(' ')?;
            let file = at.rsplit_once(':')?.0;
            Some(format!("{file}:{}", rule.rsplit('.').next()?))
        })
        .collect();
    passed.sort();
    passed.dedup();
    assert_eq!(passed, tests, "{stdout}");
}

/// Lines marked `# expect: <id>` in the case's files, and the `FILE LINE RULE` lines of its `expect`
/// file (for JSON, which has no comments).
fn expected_lines(case: &Path, id: &str) -> BTreeSet<(String, usize)> {
    let mut out = BTreeSet::new();
    if let Ok(text) = std::fs::read_to_string(case.join("expect")) {
        for line in text.lines() {
            let parts: Vec<&str> = line.split_whitespace().collect();
            if let [file, n, rule] = parts.as_slice() {
                if *rule == id {
                    out.insert((file.to_string(), n.parse().expect("a line number")));
                }
            }
        }
    }
    for entry in std::fs::read_dir(case).expect("case dir").flatten() {
        let p = entry.path();
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            if let Some((_, ids)) = line.split_once("# expect:") {
                if ids.split(',').any(|x| x.trim() == id) {
                    out.insert((name.clone(), i + 1));
                }
            }
        }
    }
    out
}

#[test]
fn fixtures_match_their_markers() {
    let dirs = policy_dirs();
    assert!(
        dirs.len() >= 12,
        "expected the built-in policies, found {}",
        dirs.len()
    );
    let mut failures = Vec::new();
    for dir in &dirs {
        let id = rule_id(&std::fs::read_to_string(dir.join("policy.rego")).expect("read policy"));
        assert!(
            dir.join("policy_test.rego").is_file(),
            "{} has no policy_test.rego",
            dir.display()
        );
        for case in ["bad", "good", "left_out", "unknown"] {
            let case_dir = dir.join("fixtures").join(case);
            if !case_dir.is_dir() {
                failures.push(format!("{id}: missing fixtures/{case}"));
                continue;
            }
            let expected = expected_lines(&case_dir, &id);
            if case == "bad" && expected.is_empty() {
                failures.push(format!("{id}: fixtures/bad marks no line"));
            }
            if case == "unknown" && !expected.is_empty() {
                failures.push(format!("{id}: fixtures/unknown must stay silent"));
            }
            let out = Command::cargo_bin("preflight")
                .expect("binary")
                .current_dir(&case_dir)
                .args(["check", ".", "--format", "json", "--show-unknown"])
                .output()
                .expect("runs");
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
                panic!(
                    "{id}/{case}: not JSON ({e}): {}",
                    String::from_utf8_lossy(&out.stdout)
                )
            });
            if json["summary"]["errors"] != 0 {
                failures.push(format!("{id}/{case}: scan errors {}", json["errors"]));
            }
            let found: BTreeSet<(String, usize)> = json["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .filter(|f| f["rule_id"] == id.as_str())
                .map(|f| {
                    (
                        f["file"].as_str().unwrap_or_default().to_string(),
                        f["line"].as_u64().unwrap_or(0) as usize,
                    )
                })
                .collect();
            // What an unknown fixture leaves undecided must be listed by --show-unknown.
            if case == "unknown"
                && !json["undecided"]
                    .as_array()
                    .is_some_and(|u| u.iter().any(|u| u["rule_id"] == id.as_str()))
            {
                failures.push(format!(
                    "{id}/unknown: --show-unknown lists nothing undecided for this rule"
                ));
            }
            if found != expected {
                failures.push(format!(
                    "{id}/{case}: expected findings at {expected:?}, got {found:?}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "fixture mismatches:\n{}",
        failures.join("\n")
    );
}
