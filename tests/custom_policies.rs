//! Custom policies as a platform team writes them: the optional OPA built-ins, errors located in the
//! user's `.rego` file, `preflight test`, `preflight schema` and the examples of docs/custom-policies.md.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn preflight() -> Command {
    let mut cmd = Command::cargo_bin("preflight").expect("binary");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200");
    cmd
}

fn check_json(args: &[&str]) -> (Value, i32) {
    let out = preflight()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().expect("exit code"))
}

fn rule_ids(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule_id"].as_str().expect("rule_id").to_string())
        .collect()
}

// ---- OPA built-ins ----------------------------------------------------------------------------

#[test]
fn optional_builtins_are_there() {
    let (v, code) = check_json(&[
        "testdata/clean",
        "--policy",
        "testdata/custom_policies_builtins",
    ]);
    assert_eq!(v["errors"], serde_json::json!([]), "{v}");
    assert_eq!(code, 1);
    assert_eq!(rule_ids(&v), vec!["BUILTINS-001"]);
    assert!(
        v["findings"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("12 built-ins")),
        "{v}"
    );
}

#[test]
fn network_builtins_are_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policy = "# METADATA\n# title: t\n# description: d\n# custom:\n#   id: NET-001\n#   name: net\n#   severity: low\n#   category: sharing\n#   recommended_action: r\npackage net_test\n\ndeny contains r if {\n\tsome b in input.aws.s3.buckets\n\tresp := http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:9\"})\n\tr := {\"id\": b.id, \"path\": \"\", \"message\": resp.body}\n}\n";
    std::fs::write(dir.path().join("net.rego"), policy).expect("write");
    let dir = dir.path().to_string_lossy().into_owned();
    let (v, code) = check_json(&["testdata/clean", "--policy", &dir]);
    assert_eq!(code, 2);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("could not find function http.send")),
        "{v}"
    );
}

// ---- errors in a user's policy are located ------------------------------------------------------

const GOOD_HEAD: &str = "# METADATA\n# title: Test\n# description: A test policy.\n# custom:\n#   id: MINE-001\n#   name: mine\n#   severity: low\n#   category: sharing\n#   recommended_action: Fix it.\npackage mine\n\nimport data.preflight.lib\n\n";

/// Runs `preflight rules --policy DIR` with `file` holding `text`; returns stderr (exit 2 asserted).
fn load_error(files: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let out = preflight()
        .args(["rules", "--policy"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    stderr
}

fn assert_located(stderr: &str, file: &str, line: usize, col: usize, snippet: &str, says: &str) {
    assert!(
        stderr.contains(&format!("{file}:{line}:{col}]")),
        "expected {file}:{line}:{col} in\n{stderr}"
    );
    assert!(
        stderr.contains(snippet),
        "expected `{snippet}` in\n{stderr}"
    );
    assert!(stderr.contains(says), "expected `{says}` in\n{stderr}");
    // A snippet, not one line: the source line is quoted with its number.
    assert!(stderr.contains(&format!("{line} │")), "{stderr}");
}

#[test]
fn a_syntax_error_points_at_the_token() {
    let text = format!("{GOOD_HEAD}deny contains r if {{\n\tsome b in input.aws.s3.buckets\n\tr := lib.result(b, \"name\", \"x\" ]\n}}\n");
    let stderr = load_error(&[("mine.rego", &text)]);
    assert_located(
        &stderr,
        "mine.rego",
        16,
        34,
        "lib.result(b, \"name\", \"x\" ]",
        "expecting",
    );
}

#[test]
fn an_unknown_severity_points_at_the_value() {
    let text = GOOD_HEAD.replace("severity: low", "severity: urgent")
        + "deny contains r if {\n\tsome b in input.aws.s3.buckets\n\tr := lib.result(b, \"name\", \"x\")\n}\n";
    let stderr = load_error(&[("mine.rego", &text)]);
    assert_located(
        &stderr,
        "mine.rego",
        7,
        15,
        "#   severity: urgent",
        "unknown severity `urgent`",
    );
}

#[test]
fn an_unknown_category_points_at_the_value() {
    let text = GOOD_HEAD.replace("category: sharing", "category: tagging")
        + "deny contains r if {\n\tsome b in input.aws.s3.buckets\n\tr := lib.result(b, \"name\", \"x\")\n}\n";
    let stderr = load_error(&[("mine.rego", &text)]);
    assert_located(
        &stderr,
        "mine.rego",
        8,
        15,
        "#   category: tagging",
        "unknown category `tagging`",
    );
}

#[test]
fn missing_metadata_fields_point_at_the_block() {
    let text = GOOD_HEAD.replace("#   recommended_action: Fix it.\n", "")
        + "deny contains r if {\n\tsome b in input.aws.s3.buckets\n\tr := lib.result(b, \"name\", \"x\")\n}\n";
    let stderr = load_error(&[("mine.rego", &text)]);
    assert_located(
        &stderr,
        "mine.rego",
        1,
        1,
        "# METADATA",
        "`custom.recommended_action`",
    );
}

#[test]
fn a_duplicate_id_points_at_the_later_id() {
    let body = "deny contains r if {\n\tsome b in input.aws.s3.buckets\n\tr := lib.result(b, \"name\", \"x\")\n}\n";
    let a = format!("{GOOD_HEAD}{body}");
    let b = format!(
        "{}{body}",
        GOOD_HEAD
            .replace("package mine", "package mine2")
            .replace("name: mine", "name: mine-two")
    );
    let stderr = load_error(&[("a.rego", &a), ("b.rego", &b)]);
    assert_located(
        &stderr,
        "b.rego",
        5,
        9,
        "#   id: MINE-001",
        "rule id MINE-001 is also used by",
    );
    // A user's id that a built-in policy has.
    let taken = GOOD_HEAD.replace("MINE-001", "AWS-S3-001") + body;
    let stderr = load_error(&[("mine.rego", &taken)]);
    assert_located(
        &stderr,
        "mine.rego",
        5,
        9,
        "#   id: AWS-S3-001",
        "rule id AWS-S3-001 is also used by",
    );
}
