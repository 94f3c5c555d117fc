//! Evaluation stays bounded on adversarial Terraform: values that double at each step, modules that
//! call themselves, and collection functions over large inputs. Each input is generated in a temporary
//! directory, and the binary runs under a memory cap, so a regression fails the test (the process is
//! killed or aborts) instead of taking the machine down.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// Address space the scan may use (KiB): far above what the bounded evaluation needs, far below what
/// the unbounded one took (tens of GB).
const MEMORY_CAP_KB: u64 = 3_000_000;

/// Runs `preflight check --format json DIR` under the memory cap; the report and the exit code.
fn check_capped(dir: &Path) -> (Value, i32) {
    let bin = assert_cmd::cargo::cargo_bin("preflight");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_CAP_KB}; exec \"$0\" check --format json \"$1\""
        ))
        .arg(bin)
        .arg(dir)
        .output()
        .expect("runs");
    let Some(code) = out.status.code() else {
        panic!(
            "preflight was killed ({:?}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}), exit {code}: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, code)
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn messages(v: &Value) -> Vec<String> {
    v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A public bucket, so that each module instance has a finding.
const BUCKET: &str =
    "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = \"aws:kms\"\n      }\n    }\n  }\n}\n";

#[test]
fn a_chain_of_locals_that_double_stops_at_the_value_budget() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("locals {\n  a0 = \"x\"\n");
    for i in 1..=26 {
        let _ = writeln!(text, "  a{i} = [local.a{p}, local.a{p}]", p = i - 1);
    }
    text.push_str("}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b-${length(local.a26)}\"\n  acl    = \"public-read\"\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = \"aws:kms\"\n      }\n    }\n  }\n}\n");
    write(tmp.path(), "main.tf", &text);
    let (v, code) = check_capped(tmp.path());
    assert_eq!(code, 2, "{v}");
    let over: Vec<String> = messages(&v)
        .into_iter()
        .filter(|m| m.contains("exceed 4000000 nodes"))
        .collect();
    assert_eq!(over.len(), 1, "reported once: {v}");
    // The rest of the module is still checked.
    assert_eq!(v["summary"]["findings"], 1, "{v}");
}

#[test]
fn three_modules_that_call_each_other_are_reported_not_expanded() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for m in ["m1", "m2", "m3"] {
        let mut text = String::new();
        for callee in ["m1", "m2", "m3"] {
            let _ = writeln!(
                text,
                "module \"{callee}\" {{\n  source = \"../{callee}\"\n}}"
            );
        }
        text.push_str(BUCKET);
        write(tmp.path(), &format!("{m}/main.tf"), &text);
    }
    let (v, code) = check_capped(tmp.path());
    assert_eq!(code, 2, "{v}");
    let errors = v["errors"].as_array().expect("errors");
    assert!(!errors.is_empty(), "{v}");
    let mut sites = std::collections::BTreeSet::new();
    for e in errors {
        let m = e["message"].as_str().unwrap_or_default();
        assert!(m.contains("not followed"), "{m}");
        assert!(
            sites.insert((e["file"].to_string(), e["line"].to_string())),
            "each recursive call is reported once: {v}"
        );
    }
    // Every module's bucket is still checked.
    let files: std::collections::BTreeSet<String> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["file"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(files.len(), 3, "{v}");
}

#[test]
fn a_module_that_calls_itself_is_reported_once_and_its_findings_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        "root/main.tf",
        "module \"a\" {\n  source = \"../a\"\n}\n",
    );
    write(
        tmp.path(),
        "a/main.tf",
        &format!("module \"again\" {{\n  source = \"./\"\n}}\n{BUCKET}"),
    );
    let (v, code) = check_capped(tmp.path());
    assert_eq!(code, 2, "{v}");
    let errors = messages(&v);
    assert_eq!(errors.len(), 1, "{v}");
    assert!(
        errors[0].contains("module.again calls the module it is written in"),
        "{v}"
    );
    assert_eq!(v["summary"]["findings"], 1, "{v}");
    assert_eq!(v["findings"][0]["resource"], "module.a.aws_s3_bucket.b");
}

#[test]
fn sets_of_many_items_are_deduplicated_by_hashing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        "main.tf",
        "locals {\n  xs = [for i in range(100000) : \"item-${i % 50000}\"]\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b-${length(toset(local.xs))}-${length(distinct(local.xs))}\"\n  acl    = \"public-read\"\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = \"aws:kms\"\n      }\n    }\n  }\n}\n",
    );
    let (v, code) = check_capped(tmp.path());
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["summary"]["errors"], 0, "{v}");
    assert_eq!(v["summary"]["findings"], 1, "{v}");
}
