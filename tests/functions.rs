//! Terraform functions through the whole scan: a policy fires on a value built by a function that
//! used to be unknown, and stays silent where the function's result depends on an unknown value.

use assert_cmd::Command;
use serde_json::Value;

fn scan(main_tf: &str) -> Value {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("main.tf"), main_tf).expect("write main.tf");
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .args(["check", "--format", "json", "--show-unknown"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// `(rule, line)` of every finding, but the low default-encryption one every bucket without a
/// setting gets (these tests are about the values functions build).
fn findings(v: &Value) -> Vec<(String, u64)> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule_id"] != "AWS-S3-006")
        .map(|f| {
            (
                f["rule_id"].as_str().expect("rule_id").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn a_policy_fires_through_functions_that_used_to_be_unknown() {
    let v = scan(
        r#"
locals {
  acls     = ["public-read"]
  settings = { visibility = "PUBLIC-READ" }
}

resource "aws_s3_bucket" "one" {
  bucket = "acme-one"
  acl    = one(local.acls)
}

resource "aws_s3_bucket" "regex" {
  bucket = "acme-regex"
  acl    = regex("^[a-z-]+", lower(local.settings.visibility))
}

resource "aws_s3_bucket" "trim" {
  bucket = "acme-trim"
  acl    = trimprefix(element(sort(["x-public-read", "y-private"]), 0), "x-")
}

resource "aws_s3_bucket" "format" {
  bucket = "acme-format"
  acl    = format("%s-%s", "public", reverse(["write", "read"])[0])
}
"#,
    );
    let mut ids = findings(&v);
    ids.sort_by_key(|(_, line)| *line);
    assert_eq!(
        ids,
        vec![
            ("AWS-S3-001".to_string(), 9),
            ("AWS-S3-001".to_string(), 14),
            ("AWS-S3-001".to_string(), 19),
            ("AWS-S3-001".to_string(), 24),
        ],
        "{v:#}"
    );
}

#[test]
fn functions_of_unknown_values_stay_silent() {
    let v = scan(
        r#"
variable "acls" {
  type = list(string)
}

resource "aws_s3_bucket" "unknown" {
  bucket = "acme-unknown"
  acl    = one(var.acls)
}

resource "aws_s3_bucket" "random" {
  bucket = "acme-random-${uuid()}"
  acl    = lower(substr(uuid(), 0, 0)) == "" ? "private" : "public-read"
}
"#,
    );
    assert_eq!(findings(&v), vec![], "{v:#}");
}

#[test]
fn file_functions_and_templatestring_reach_a_policy() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("acl.txt"), "public-read").expect("write acl.txt");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/other.txt"), "x").expect("write other.txt");
    let main_tf = r#"
locals {
  template = "$${kind}-read"
}

resource "aws_s3_bucket" "digest" {
  bucket = "acme-digest"
  acl    = filesha256("acl.txt") == sha256(file("acl.txt")) ? file("acl.txt") : "private"
}

resource "aws_s3_bucket" "set" {
  bucket = "acme-set"
  acl    = join(",", fileset(path.module, "**/*.txt")) == "acl.txt,sub/other.txt" ? "public-read" : "private"
}

resource "aws_s3_bucket" "template" {
  bucket = "acme-template"
  acl    = templatestring(local.template, { kind = "public" })
}

resource "aws_s3_bucket" "b64" {
  bucket = "acme-b64"
  acl    = base64decode(filebase64("acl.txt")) == "public-read" ? "public-read" : "private"
}
"#;
    std::fs::write(dir.path().join("main.tf"), main_tf).expect("write main.tf");
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut lines: Vec<u64> = findings(&v).into_iter().map(|(_, l)| l).collect();
    lines.sort();
    assert_eq!(lines, vec![8, 13, 18, 23], "{v:#}");
}
