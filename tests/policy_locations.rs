//! Findings on policy documents point at the statement, not at the `policy =` / `PolicyDocument:`
//! line: inside `jsonencode({...})`, a heredoc, a quoted JSON string with escapes and an unknown
//! interpolation, an `aws_iam_policy_document`'s `statement` block, and CloudFormation YAML and JSON.
//! Each case under `testdata/policy_locations/` marks the line every document finding must be on
//! (`# expect: RULE`, or `FILE LINE RULE` lines of an `expect` file where a comment cannot go), and
//! several hold an unresolved ARN beside the public statement, which must still be found.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The rules that read policy documents: their findings are the ones checked here.
const DOCUMENT_RULES: [&str; 4] = ["AWS-S3-003", "AWS-SNS-002", "AWS-IAM-001", "AWS-IAM-002"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn markers(dir: &Path) -> BTreeSet<(String, u64, String)> {
    let mut out = BTreeSet::new();
    let rel = |name: &str| format!("testdata/policy_locations/{}/{name}", dir_name(dir));
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = entry.path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let text = std::fs::read_to_string(&p).expect("read");
        if name == "expect" {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let parts: Vec<&str> = line.split_whitespace().collect();
                let [file, n, id] = parts[..] else {
                    panic!("{}: `{line}` is not `FILE LINE RULE`", p.display());
                };
                out.insert((rel(file), n.parse().expect("a line number"), id.to_string()));
            }
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            if let Some((_, ids)) = line.split_once("# expect:") {
                for id in ids.split(',') {
                    out.insert((rel(&name), i as u64 + 1, id.trim().to_string()));
                }
            }
        }
    }
    out
}

fn dir_name(dir: &Path) -> String {
    dir.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string()
}

#[test]
fn document_findings_point_at_the_statement() {
    let base = root().join("testdata/policy_locations");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .expect("testdata/policy_locations")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 5, "the cases are missing");
    let mut failures = Vec::new();
    for dir in dirs {
        let rel = format!("testdata/policy_locations/{}", dir_name(&dir));
        let out = Command::cargo_bin("preflight")
            .expect("binary")
            .current_dir(root())
            .args(["check", "--format", "json", &rel])
            .output()
            .expect("runs");
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        if v["summary"]["errors"] != 0 {
            failures.push(format!("{rel}: errors {}", v["errors"]));
        }
        let found: BTreeSet<(String, u64, String)> = v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| DOCUMENT_RULES.contains(&f["rule_id"].as_str().unwrap_or("")))
            .map(|f| {
                (
                    f["file"].as_str().unwrap_or("").to_string(),
                    f["line"].as_u64().unwrap_or(0),
                    f["rule_id"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let want = markers(&dir);
        assert!(!want.is_empty(), "{rel} marks no line");
        if found != want {
            failures.push(format!("{rel}:\n  found    {found:?}\n  expected {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The related label: a finding on an `aws_iam_policy_document` statement also shows the `policy =`
/// that uses the document.
#[test]
fn a_data_source_statement_names_where_it_is_used() {
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .args(["check", "testdata/policy_locations/data_source"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("the document is used by `policy` here"),
        "no related label:\n{text}"
    );
    assert!(
        text.contains("the document is used by `assume_role_policy` here"),
        "no related label:\n{text}"
    );
}

/// A finding on a policy that `file()` reads shows the statement in the JSON file, and the
/// `policy =` that reads it as a second label; JSON output names the file like any other.
#[test]
fn a_file_read_policy_is_shown_from_its_own_file() {
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .args(["check", "testdata/policy_locations/file_json"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("╭─[testdata/policy_locations/file_json/policy.json:11:5]"),
        "no snippet from the JSON file:\n{text}"
    );
    assert!(
        text.contains(r#"      "Sid": "PublicRead","#),
        "the statement is not shown:\n{text}"
    );
    assert!(
        text.contains("╭─[testdata/policy_locations/file_json/main.tf:7:12]")
            && text.contains("the document is used by `policy` here"),
        "no label at the attribute:\n{text}"
    );
}

/// A suppression directive at the `policy = file(…)` line still covers the findings that now point
/// into the file (a JSON file has no comments to put one in).
#[test]
fn a_directive_at_the_attribute_covers_findings_in_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = root().join("testdata/policy_locations/file_json");
    for name in ["policy.json", "trust.json"] {
        std::fs::copy(src.join(name), dir.path().join(name)).expect("copy");
    }
    let main = std::fs::read_to_string(src.join("main.tf")).expect("main.tf");
    let main = main.replace(
        "  policy = file(",
        "  # preflight:ignore AWS-S3-003, AWS-IAM-009 -- reviewed\n  policy = file(",
    );
    std::fs::write(dir.path().join("main.tf"), main).expect("write");
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found: Vec<(String, String)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or("").to_string(),
                f["file"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        !found
            .iter()
            .any(|(r, _)| r == "AWS-S3-003" || r == "AWS-IAM-009"),
        "{found:?}"
    );
    assert!(
        found.contains(&("AWS-IAM-002".to_string(), "trust.json".to_string())),
        "{found:?}"
    );
    assert_eq!(v["summary"]["suppressed"], 2, "{v}");
}
