//! The human report on hostile or awkward input: very long lines (one-line plans, minified templates,
//! long CJK lines), control characters in file contents and names, and secrets next to findings.
//! Inputs are generated here, in a temporary directory.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn preflight(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("preflight").expect("binary");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    cmd
}

/// Human output and exit code of `check .` in `dir`.
fn human(dir: &Path) -> (String, i32) {
    let out = preflight(dir).args(["check", "."]).output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    (
        text,
        out.status.code().expect("exit code (no panic, no signal)"),
    )
}

fn json(dir: &Path) -> (Value, String) {
    let out = preflight(dir)
        .args(["check", ".", "--format", "json"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    (serde_json::from_str(&text).expect("JSON"), text)
}

fn findings(v: &Value) -> usize {
    v["findings"].as_array().expect("findings").len()
}

/// A `terraform show -json` plan on one line, as Terraform writes it: `n` public, unencrypted
/// databases with a sensitive password.
fn one_line_plan(n: usize) -> String {
    let resources: Vec<Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "address": format!("aws_db_instance.db{i}"),
                "mode": "managed",
                "type": "aws_db_instance",
                "name": format!("db{i}"),
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "schema_version": 2,
                "values": {
                    "engine": "postgres",
                    "password": "plan-pass-1",
                    "db_conf": "plan-sensitive-2",
                    "publicly_accessible": true,
                    "storage_encrypted": false
                },
                "sensitive_values": {"password": true, "db_conf": true}
            })
        })
        .collect();
    serde_json::json!({
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": resources}}
    })
    .to_string()
}

#[test]
fn a_one_line_plan_far_past_column_65535_is_reported_in_windows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = one_line_plan(240);
    assert!(plan.len() > 75_000 && !plan.contains('\n'));
    std::fs::write(dir.path().join("prod.plan.json"), plan).expect("write");
    let (text, code) = human(dir.path());
    assert_eq!(code, 1, "{}", &text[..text.len().min(2000)]);
    let (v, _) = json(dir.path());
    assert_eq!(findings(&v), 480);
    assert_eq!(text.matches("is publicly accessible").count(), 240);
    // No line of the report is a copy of the 75 KB line.
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 260, "a line of {longest} characters");
    // The header gives the real column of the last finding, far past 65,535.
    let last = v["findings"]
        .as_array()
        .and_then(|f| f.iter().map(|f| f["column"].as_u64().unwrap_or(0)).max())
        .unwrap_or(0);
    assert!(last > 65_535);
    assert!(
        text.contains(&format!("prod.plan.json:1:{last}]")),
        "column {last}"
    );
}

#[test]
fn long_lines_of_wide_characters_do_not_crash_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wide = "中".repeat(30_000);
    std::fs::write(
        dir.path().join("main.tf"),
        format!(
            "resource \"aws_ebs_volume\" \"v\" {{ availability_zone = \"{wide}\" }}\n\
             resource \"aws_s3_bucket\" \"b\" {{ bucket = \"{wide}\", acl = \"public-read\" }}\n\
             resource \"aws_s3_bucket\" \"c\" {{\n  bucket = \"{wide}\"\n  acl    = \"public-read\" oops\n}}\n"
        ),
    )
    .expect("write");
    let (text, code) = human(dir.path());
    assert_eq!(code, 2, "{}", &text[..text.len().min(2000)]);
    assert!(text.contains("syntax error"), "{text}");
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 260, "a line of {longest} characters");
    // A minified template: one long line of JSON.
    let dir = tempfile::tempdir().expect("tempdir");
    let pad: String = (0..3_000)
        .map(|i| format!("\"P{i}\":{{\"Type\":\"String\",\"Default\":\"中中\"}},"))
        .collect();
    std::fs::write(
        dir.path().join("stack.json"),
        format!(
            "{{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Parameters\":{{{}}},\"Resources\":{{\"V\":{{\"Type\":\"AWS::EC2::Volume\",\"Properties\":{{\"AvailabilityZone\":\"a\",\"Size\":8}}}}}}}}",
            pad.trim_end_matches(',')
        ),
    )
    .expect("write");
    let (text, code) = human(dir.path());
    assert_eq!(code, 1, "{}", &text[..text.len().min(2000)]);
    assert!(text.contains("EBS volume `V` is not encrypted"), "{text}");
}

#[test]
fn control_characters_in_files_and_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.tf"),
        "# \u{1b}[2J\u{1b}[31mowned\u{1b}[0m \u{202e}gnp.exe\nresource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"a\u{1b}]0;title\u{7}\"\n}\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b\u{1b}[31m.tf"),
        "resource \"aws_ebs_volume\" \"w\" {\n  availability_zone = \"a\"\n}\nresource \"x\" {\n",
    )
    .expect("write");
    let (text, code) = human(dir.path());
    assert_eq!(code, 2, "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(
        text.contains("\u{241b}[2J"),
        "escape shown as a picture: {text}"
    );
    assert!(
        text.contains("b\u{241b}[31m.tf"),
        "file name escaped: {text}"
    );
    // JSON escapes them as JSON does.
    let (_, raw) = json(dir.path());
    assert!(!raw.contains('\u{1b}'));
}

#[test]
fn secrets_next_to_findings_are_masked_everywhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    // Each secret sits on a line shown as context of a finding or of a step of its value's trace.
    std::fs::write(
        p.join("main.tf"),
        "variable \"logs_acl\" {}\n\
         variable \"db_conf\" {\n  type      = string\n  sensitive = true\n}\n\
         variable \"api_password\" { default = \"default-secret-3\" }\n\
         variable \"site_acl\" { default = \"public-read\" }\n\
         resource \"aws_s3_bucket\" \"logs\" {\n  acl    = var.logs_acl\n}\n\
         resource \"aws_s3_bucket\" \"site\" {\n  acl    = var.site_acl\n}\n",
    )
    .expect("write");
    std::fs::write(
        p.join("terraform.tfvars"),
        "region   = \"eu-west-1\"\nlogs_acl = \"public-read\"\ndb_conf  = \"tfvars-secret-4\"\n",
    )
    .expect("write");
    std::fs::write(p.join("prod.plan.json"), one_line_plan(2)).expect("write");
    let (text, code) = human(p);
    assert_eq!(code, 1, "{text}");
    // The lines are there, their secret values are not.
    assert!(text.contains("logs_acl = \"public-read\""), "{text}");
    assert!(text.contains("db_conf  = \"****\""), "{text}");
    assert!(
        text.contains("variable \"api_password\" { default = \"****\" }"),
        "{text}"
    );
    assert!(text.contains("\"db_conf\":\"****\""), "{text}");
    let (_, raw) = json(p);
    for secret in [
        "plan-pass-1",
        "plan-sensitive-2",
        "default-secret-3",
        "tfvars-secret-4",
    ] {
        assert!(!text.contains(secret), "{secret} printed: {text}");
        assert!(!raw.contains(secret), "{secret} in JSON: {raw}");
    }
}

#[test]
fn the_value_trace_has_a_heading() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"acl\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  acl = var.acl\n}\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("terraform.tfvars"),
        "acl = \"public-read\"\n",
    )
    .expect("write");
    let (text, _) = human(dir.path());
    assert!(
        text.contains("Advice: where the value comes from"),
        "{text}"
    );
    assert!(!text.contains("Advice: \n"), "{text}");
}
