//! Adversarial inputs for the readers (YAML, JSON, plans, HCL nesting, CloudFormation evaluation), run
//! through the binary with several files so that parsing happens on rayon's worker threads (2 MiB
//! stacks): each bad file is a located error (exit code 2), never an abort, and the good file beside
//! it is still scanned with its finding. Inputs are generated in a temporary directory.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const LEVELS: usize = 100_000;

const TEMPLATE_HEAD: &str = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n";

const GOOD_TEMPLATE: &str = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Good:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

/// `preflight check --format json .` in `dir`: the report and the exit code.
fn scan(dir: &Path) -> (Value, i32) {
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(dir)
        .args(["check", "--format", "json", "."])
        .output()
        .expect("runs");
    let code = out.status.code().unwrap_or_else(|| {
        panic!(
            "killed by a signal: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {} / {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, code)
}

/// The error reported for `file`: (line, column, message).
#[track_caller]
fn error_of(v: &Value, file: &str) -> (u64, u64, String) {
    let errors = v["errors"].as_array().expect("errors");
    let e = errors
        .iter()
        .find(|e| e["file"] == file)
        .unwrap_or_else(|| panic!("no error for {file}: {errors:#?}"));
    (
        e["line"].as_u64().expect("line"),
        e["column"].as_u64().expect("column"),
        e["message"].as_str().expect("message").to_string(),
    )
}

#[track_caller]
fn has_finding_in(v: &Value, file: &str) {
    let findings = v["findings"].as_array().expect("findings");
    assert!(
        findings.iter().any(|f| f["file"] == file),
        "no finding in {file}: {v:#}"
    );
}

#[test]
fn deep_templates_are_located_errors_next_to_a_good_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "good.yaml", GOOD_TEMPLATE);
    // Block sequences, compact: 3 KB of `- ` aborted the scan before.
    write(
        d,
        "block_seq.yaml",
        &format!("{TEMPLATE_HEAD}        {}x\n", "- ".repeat(LEVELS)),
    );
    // Block sequences and mappings, one level a line.
    let mut text = String::from(TEMPLATE_HEAD);
    for i in 0..1500 {
        let indent = " ".repeat(8 + 2 * i);
        text.push_str(&format!(
            "{indent}{}\n",
            if i % 2 == 0 { "-" } else { "k:" }
        ));
    }
    write(d, "block_lines.yaml", &text);
    // Short-form tags on block sequences.
    let mut text = String::from(TEMPLATE_HEAD);
    for i in 0..1500 {
        text.push_str(&format!("{}- !Join\n", " ".repeat(8 + 2 * i)));
    }
    write(d, "block_tags.yaml", &text);
    // Flow style, and JSON.
    write(
        d,
        "flow.yaml",
        &format!("{TEMPLATE_HEAD}        {}\n", "[x, {a: ".repeat(LEVELS)),
    );
    write(
        d,
        "deep.json",
        &format!(
            "{{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {}}}",
            "[".repeat(LEVELS)
        ),
    );
    // Anchors that each hold the previous one 60 levels down: the alias on line 10 would reach 185.
    let mut text = format!("{TEMPLATE_HEAD}        - &a0 x\n");
    for i in 1..100 {
        text.push_str(&format!(
            "        - &a{i} {}*a{}{}\n",
            "[".repeat(60),
            i - 1,
            "]".repeat(60)
        ));
    }
    write(d, "aliases.yaml", &text);

    let (v, code) = scan(d);
    assert_eq!(code, 2, "{v:#}");
    has_finding_in(&v, "good.yaml");
    for (file, line, column) in [
        // The mappings above are levels 1–4, `Tags:` holds level 5: the 128th level is the 124th `- `;
        // saphyr marks a compact sequence where its first entry starts, one `- ` on.
        ("block_seq.yaml", 7, 9 + 2 * 124),
        ("block_lines.yaml", 131, 9 + 2 * 124),
        ("block_tags.yaml", 68, 11 + 2 * 61),
        ("flow.yaml", 7, 0),
        ("deep.json", 1, 0),
        ("aliases.yaml", 10, 0),
    ] {
        let (l, c, message) = error_of(&v, file);
        assert!(message.contains("128 levels"), "{file}: {message}");
        assert!(message.contains("not valid"), "{file}: {message}");
        assert_eq!(l, line, "{file}: {message}");
        if column > 0 {
            assert_eq!(c, column as u64, "{file}: {message}");
        }
    }
}

#[test]
fn evaluation_chains_in_templates_are_bounded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "good.yaml", GOOD_TEMPLATE);
    // A parameter whose default refers to itself recursed without end.
    write(d, "selfref.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  P:\n    Type: String\n    Default: !Ref P\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref P\n");
    // 20,000 conditions, each depending on the next.
    let mut text = String::from("AWSTemplateFormatVersion: '2010-09-09'\nConditions:\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "  C{i}: !And [!Condition C{}, !Equals [a, a]]\n",
            i + 1
        ));
    }
    text.push_str("  C20000: !Equals [a, a]\nResources:\n  Chained:\n    Type: AWS::S3::Bucket\n    Condition: C0\n    Properties:\n      AccessControl: PublicRead\n");
    write(d, "conditions.yaml", &text);
    let (v, code) = scan(d);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(v["errors"], serde_json::json!([]));
    has_finding_in(&v, "good.yaml");
    // Undecided past the bound: the resource may exist, so it is judged.
    has_finding_in(&v, "conditions.yaml");
}

const GOOD_PLAN: &str = r#"{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_db_instance.main",
          "mode": "managed",
          "type": "aws_db_instance",
          "name": "main",
          "values": {
            "engine": "postgres",
            "publicly_accessible": true
          }
        }
      ],
      "child_modules": []
    }
  }
}
"#;

#[test]
fn plans_of_the_wrong_shape_are_located_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "good.plan.json", GOOD_PLAN);
    let cases = [
        (
            "root_module.plan.json",
            "\"root_module\": {",
            "\"root_module\": 1, \"x\": {",
            5,
            20,
        ),
        (
            "resources.plan.json",
            "\"resources\": [",
            "\"resources\": \"x\", \"y\": [",
            6,
            20,
        ),
        (
            "values.plan.json",
            "\"values\": {",
            "\"values\": [], \"v\": {",
            12,
            21,
        ),
        (
            "children.plan.json",
            "\"child_modules\": []",
            "\"child_modules\": 3",
            18,
            24,
        ),
        (
            "address.plan.json",
            "\"address\": \"aws_db_instance.main\"",
            "\"address\": 7",
            8,
            22,
        ),
        (
            "type.plan.json",
            "\"type\": \"aws_db_instance\"",
            "\"type\": null",
            10,
            19,
        ),
        (
            "planned.plan.json",
            "\"planned_values\": {",
            "\"planned_values\": true, \"p\": {",
            4,
            21,
        ),
    ];
    for (name, from, to, _, _) in cases {
        assert!(GOOD_PLAN.contains(from), "{from}");
        write(d, name, &GOOD_PLAN.replacen(from, to, 1));
    }
    let (v, code) = scan(d);
    assert_eq!(code, 2, "{v:#}");
    has_finding_in(&v, "good.plan.json");
    for (name, _, _, line, column) in cases {
        let (l, c, message) = error_of(&v, name);
        assert!(
            message.contains("terraform show -json"),
            "{name}: {message}"
        );
        assert_eq!((l, c), (line, column), "{name}: {message}");
    }
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(cases.len()));
}

#[test]
fn deep_terraform_is_a_located_error_next_to_a_good_module() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "good/main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  acl    = \"public-read\"\n}\n",
    );
    let n = LEVELS;
    let local = |body: String| format!("locals {{\n  x = {body}\n}}\n");
    write(
        d,
        "parens/main.tf",
        &local(format!("{}1{}", "(".repeat(n), ")".repeat(n))),
    );
    write(
        d,
        "lists/main.tf",
        &local(format!("{}1{}", "[".repeat(n), "]".repeat(n))),
    );
    write(
        d,
        "objects/main.tf",
        &local(format!("{}1{}", "{a = ".repeat(n), "}".repeat(n))),
    );
    write(
        d,
        "directives/main.tf",
        &local(format!(
            "\"{}x{}\"",
            "%{if true}".repeat(n),
            "%{endif}".repeat(n)
        )),
    );
    write(
        d,
        "interpolations/main.tf",
        &local(format!("\"{}x{}\"", "${\"".repeat(n), "\"}".repeat(n))),
    );
    write(
        d,
        "json/main.tf.json",
        &format!(
            "{{\"locals\": {{\"x\": {}1{}}}}}",
            "[".repeat(n),
            "]".repeat(n)
        ),
    );
    let (v, code) = scan(d);
    assert_eq!(code, 2, "{v:#}");
    has_finding_in(&v, "good/main.tf");
    for file in [
        "parens/main.tf",
        "lists/main.tf",
        "objects/main.tf",
        "directives/main.tf",
        "interpolations/main.tf",
    ] {
        let (line, _, message) = error_of(&v, file);
        assert_eq!(line, 2, "{file}: {message}");
        assert!(message.contains("nest"), "{file}: {message}");
    }
    let (_, column, message) = error_of(&v, "json/main.tf.json");
    assert!(message.contains("128 levels"), "{message}");
    // `{"locals": {"x": ` is 17 characters and two levels: the 127th `[` is the 129th level.
    assert_eq!(column, 17 + 127, "{message}");
}

#[test]
fn a_custom_policy_with_deep_metadata_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "good/main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  acl    = \"public-read\"\n}\n",
    );
    let rego = format!(
        "# METADATA\n# title: Deep\n# extra:\n#   {}x\n# custom:\n#   id: DEEP-001\n#   name: deep\n#   severity: low\n#   category: sharing\n#   recommended_action: none\npackage deep.one\n\ndeny contains x if {{\n\tfalse\n\tx := 1\n}}\n",
        "- ".repeat(LEVELS)
    );
    write(d, "policies/deep.rego", &rego);
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(d)
        .args(["check", "--policy", "policies", "good"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("nesting deeper than"), "{stderr}");
}
