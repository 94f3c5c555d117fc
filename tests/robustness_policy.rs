//! Robustness of flags, custom policies and discovery (issue #9): every input is bounded and none
//! aborts the process.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn preflight() -> Command {
    let mut cmd = Command::cargo_bin("preflight").expect("binary");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    cmd
}

/// Runs `check --format json` in `dir` and returns the report and exit code.
fn json_in(dir: &Path, args: &[&str]) -> (Value, i32) {
    let out = preflight()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let code = out.status.code().expect("exit code");
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, code)
}

/// Output with miette's wrapping undone: one space between words.
fn flat(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---- item 3: numeric flags are validated --------------------------------------------------------

#[test]
fn bad_policy_timeouts_are_usage_errors() {
    for (value, says) in [
        ("nan", "finite"),
        ("inf", "finite"),
        ("-inf", "finite"),
        ("0", "at least 0.001"),
        ("-1", "at least 0.001"),
        ("0.0001", "at least 0.001"),
        ("3601", "at most 3600"),
        ("1e300", "at most 3600"),
        ("soon", "expected a number"),
    ] {
        for cmd in ["check", "rules"] {
            let out = preflight()
                .args([cmd, &format!("--policy-timeout={value}")])
                .output()
                .expect("runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{cmd} {value}: {stderr}");
            assert!(
                stderr.contains("--policy-timeout") && stderr.contains(says),
                "{cmd} {value}: {stderr}"
            );
        }
    }
    // The bounds themselves are accepted.
    for value in ["0.001", "3600", "2.5"] {
        let out = preflight()
            .args(["rules", "--policy-timeout", value])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{value}");
    }
}

#[test]
fn a_zero_max_file_size_is_a_usage_error() {
    for value in ["0", "-1", "ten"] {
        let out = preflight()
            .args([
                "check",
                "testdata/clean",
                &format!("--max-file-size={value}"),
            ])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{value}: {stderr}");
        assert!(stderr.contains("--max-file-size"), "{value}: {stderr}");
    }
}

// ---- item 8: a policy without METADATA is an error, not a silent library ----------------------

#[test]
fn a_custom_policy_without_metadata_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("mine.rego"),
        "package mine\n\ndeny contains result if {\n\tsome b in input.aws.s3.buckets\n\tresult := {\"id\": b.id, \"path\": \"name\", \"message\": \"x\"}\n}\n",
    )
    .expect("write");
    // A library beside it is fine.
    std::fs::write(
        dir.path().join("lib.rego"),
        "package mylib\n\nis_named(b) if b.name != \"\"\n",
    )
    .expect("write");
    let policy = dir.path().to_string_lossy().into_owned();
    for cmd in ["check", "rules"] {
        let out = preflight()
            .args([cmd, "--policy", &policy])
            .output()
            .expect("runs");
        let stderr = flat(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {stderr}");
        assert!(
            stderr.contains("mine.rego")
                && stderr.contains("no `# METADATA`")
                && stderr.contains("custom.id"),
            "{cmd}: {stderr}"
        );
    }
}

// ---- item 11: an empty scan says so ------------------------------------------------------------

#[test]
fn an_empty_scan_warns_that_nothing_was_scanned() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    std::fs::write(dir.path().join("empty/package.json"), "{}").expect("write");
    let (v, code) = json_in(dir.path(), &["empty"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["summary"]["files"], 0);
    assert_eq!(v["summary"]["warnings"], 1);
    let message = v["warnings"][0]["message"].as_str().expect("message");
    assert!(
        message.contains("nothing was scanned") && message.contains("`empty`"),
        "{message}"
    );
    let out = preflight()
        .current_dir(dir.path())
        .args(["check", "empty", "."])
        .output()
        .expect("runs");
    let stdout = flat(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("nothing was scanned") && stdout.contains("`empty`, `.`"),
        "{stdout}"
    );
    // A scan that found files has no such warning.
    let (v, _) = json_in(&root(), &["testdata/clean"]);
    assert_eq!(v["warnings"], serde_json::json!([]));
}

// ---- items 9 and 10: every Terraform file of a walked directory is read ------------------------

/// An unencrypted EBS volume: one AWS-EBS-001 finding.
const UNENCRYPTED: &str =
    "resource \"aws_ebs_volume\" \"data\" {\n  availability_zone = \"eu-west-1a\"\n  size = 20\n}\n";

#[test]
fn a_gitignored_terraform_file_is_scanned() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("infra")).expect("mkdir");
    std::fs::write(dir.path().join(".gitignore"), "volumes.tf\nignored/\n").expect("write");
    std::fs::write(dir.path().join("infra/main.tf"), "").expect("write");
    std::fs::write(dir.path().join("infra/volumes.tf"), UNENCRYPTED).expect("write");
    // A directory that .gitignore names is not entered.
    std::fs::create_dir(dir.path().join("ignored")).expect("mkdir");
    std::fs::write(dir.path().join("ignored/x.tf"), UNENCRYPTED).expect("write");
    let (v, code) = json_in(dir.path(), &["."]);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["findings"][0]["file"], "infra/volumes.tf");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v["summary"]["files"], 2);
}

#[cfg(unix)]
#[test]
fn a_terraform_file_whose_name_is_not_utf8_is_scanned() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let name = OsStr::from_bytes(b"vol\xff.tf");
    if std::fs::write(dir.path().join(name), UNENCRYPTED).is_err() {
        return; // a file system that refuses such names
    }
    // Walked.
    let (v, code) = json_in(dir.path(), &["."]);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["findings"][0]["file"], "vol\\xff.tf");
    // Named on the command line.
    let out = preflight()
        .current_dir(dir.path())
        .args(["check", "--format", "json"])
        .arg(name)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(out.status.code(), Some(1), "{v}");
    assert_eq!(v["findings"][0]["rule_id"], "AWS-EBS-001");
    assert_eq!(v["summary"]["files"], 1);
}

// ---- item 6: a custom policy that asks for too much memory is an error, not an abort -----------

fn custom_policy(id: &str, package: &str, body: &str) -> String {
    format!(
        "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: {id}\n#   name: n\n#   severity: low\n#   category: sharing\n#   recommended_action: R\npackage {package}\n\n{body}\n"
    )
}

#[cfg(unix)]
#[test]
fn runaway_custom_policies_are_errors_and_the_others_still_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let when = |cond: &str| {
        format!("deny contains {{\"id\": b.id, \"path\": \"name\", \"message\": \"x\"}} if {{\n\tsome b in input.aws.s3.buckets\n\t{cond}\n}}")
    };
    // One builtin call that asks for 48 GB at once.
    let range = custom_policy(
        "BIG-001",
        "big.range",
        &when("count(numbers.range(1, 2e9)) > 0"),
    );
    // A comprehension over a builtin's output.
    let compr = custom_policy(
        "BIG-002",
        "big.compr",
        &when("xs := [x | some x in numbers.range(1, 1e9)]\n\tcount(xs) > 0"),
    );
    // A string doubled by forty rules: 16 bytes · 2^40.
    let mut doubling = String::from("s0 := \"xxxxxxxxxxxxxxxx\"\n");
    for i in 1..=40 {
        doubling.push_str(&format!("s{i} := concat(\"\", [s{}, s{}])\n", i - 1, i - 1));
    }
    doubling.push_str(&when("count(s40) > 0"));
    let concat = custom_policy("BIG-003", "big.concat", &doubling);
    // A well-behaved custom policy, evaluated before and after the runaway ones.
    let fine = custom_policy("AAA-001", "fine.first", &when("b.name != \"\""));
    let fine_last = custom_policy("ZZZ-001", "fine.last", &when("b.name != \"\""));
    for (name, text) in [
        ("range.rego", range),
        ("compr.rego", compr),
        ("concat.rego", concat),
        ("a.rego", fine),
        ("z.rego", fine_last),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let bin = assert_cmd::cargo::cargo_bin("preflight");
    // Under a memory cap smaller than what the policies ask for, as on a small CI runner.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4000000; exec \"$0\" check testdata/clean --format json --policy \"$1\"")
        .arg(&bin)
        .arg(dir.path())
        .current_dir(root())
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}), exit {:?}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(out.status.code(), Some(2), "{v}");
    let ids: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule_id"].as_str())
        .collect();
    assert!(
        ids.contains(&"AAA-001") && ids.contains(&"ZZZ-001"),
        "{ids:?}"
    );
    let errors: Vec<&str> = v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["message"].as_str())
        .collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    for (error, id) in errors.iter().zip(["BIG-001", "BIG-002", "BIG-003"]) {
        assert!(
            error.contains(id) && error.contains("more memory than a policy may use"),
            "{error}"
        );
    }
}
