//! Inputs found by fuzzing (see fuzz/README.md) or written by hand to be hostile: deep nesting, very long
//! reference chains, bytes that are not UTF-8, unterminated heredocs. Whatever they contain, `preflight
//! check` must finish with a normal exit code (0 clean, 1 findings, 2 errors) and print a JSON report,
//! never panic, abort or overflow its stack.
//!
//! Every file in `testdata/fuzz/` is checked twice: where it is (as part of the module formed by that
//! directory, which is what a user running `preflight check testdata/fuzz/x.tf` gets), and alone, copied
//! into an empty directory as `main.tf` (which is what the fuzz targets see).
//!
//! Inputs too heavy to sit in `testdata/` (which other tests scan as a whole, several times) are kept in
//! `fuzz/regressions/`, each with its own test below; so are inputs that still fail, with `#[ignore]`
//! until the fix in `src/` lands.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn inputs() -> Vec<PathBuf> {
    let dir = root().join("testdata/fuzz");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
}

/// Runs `preflight check <path> --format json` in `cwd` and checks that it ended normally, within
/// `limit`, with a JSON report; returns the report.
fn check_survives_within(cwd: &Path, path: &str, what: &str, limit: Duration) -> Value {
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .args(["check", path, "--format", "json"])
        .timeout(limit)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code().unwrap_or_else(|| {
        panic!(
            "{what}: killed by a signal or ran longer than {limit:?} ({}); stderr:\n{stderr}",
            out.status
        )
    });
    assert!(
        matches!(code, 0..=2),
        "{what}: exit code {code} (a panic exits with 101); stderr:\n{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{what}: stdout is not JSON ({e}):\n{}\nstderr:\n{stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    assert!(
        report["findings"].is_array() && report["errors"].is_array(),
        "{what}: not a report: {report}"
    );
    report
}

fn check_survives(cwd: &Path, path: &str, what: &str) -> Value {
    check_survives_within(cwd, path, what, Duration::from_secs(120))
}

/// Copies `file` into an empty directory as `main.tf` and checks it there.
fn check_alone(file: &Path, limit: Duration) -> Value {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(file, dir.path().join("main.tf")).expect("copy");
    check_survives_within(dir.path(), "main.tf", &file.display().to_string(), limit)
}

fn error_messages(report: &Value) -> Vec<String> {
    report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn every_fuzz_input_in_place() {
    for file in inputs() {
        let rel = file
            .strip_prefix(root())
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        check_survives(&root(), &rel, &rel);
    }
}

#[test]
fn every_fuzz_input_alone() {
    for file in inputs() {
        check_alone(&file, Duration::from_secs(120));
    }
}

/// The hand-made inputs, with what the report must say about each (beyond not crashing).
#[test]
fn hostile_inputs_are_reported_not_crashed_on() {
    let alone = |name: &str| {
        check_alone(
            &root().join("testdata/fuzz").join(name),
            Duration::from_secs(120),
        )
    };

    // 10,000 nested brackets: the parser refuses them with a syntax error.
    let r = alone("deep_brackets.tf");
    assert!(
        error_messages(&r)
            .iter()
            .any(|m| m.contains("syntax error")),
        "{r}"
    );
    // Bytes that are not UTF-8: the file is reported as unreadable.
    let r = alone("invalid_utf8_string.tf");
    assert!(
        error_messages(&r).iter().any(|m| m.contains("not UTF-8")),
        "{r}"
    );
    // A heredoc whose end marker never comes: a syntax error.
    let r = alone("unclosed_heredoc.tf");
    assert!(
        error_messages(&r)
            .iter()
            .any(|m| m.contains("syntax error")),
        "{r}"
    );
    // A chain of 10,000 locals: evaluation gives up (the value is unknown) instead of recursing 10,000
    // levels deep, and says so (here named `./main.tf`; see also
    // `deep_local_chain_error_with_a_bare_file_name`).
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        root().join("testdata/fuzz/local_chain_10000.tf"),
        dir.path().join("main.tf"),
    )
    .expect("copy");
    let r = check_survives(dir.path(), "./main.tf", "local_chain_10000.tf");
    assert!(
        error_messages(&r).iter().any(|m| m.contains("levels deep")),
        "{r}"
    );
}

/// `l=[` followed by U+07A5 (two bytes, no newline), found by the `terraform` target: hcl-edit reports
/// the syntax error at a byte offset inside the character, and `terraform::parse::parse` sliced the text
/// there and panicked.
#[test]
fn parse_error_inside_multibyte_char() {
    let r = check_alone(
        &root().join("testdata/fuzz/parse_error_inside_multibyte_char.tf"),
        Duration::from_secs(120),
    );
    assert!(
        error_messages(&r)
            .iter()
            .any(|m| m.contains("syntax error")),
        "{r}"
    );
}

/// 200 resources with `count = 100000` (15 KB): each resource is capped at 10,000 instances, and without
/// a cap for the whole module this made 2 million instances (4 minutes, 13 GB in the debug binary).
#[test]
fn instance_explosion_finishes() {
    check_alone(
        &root().join("fuzz/regressions/instance_explosion.tf"),
        Duration::from_secs(90),
    );
}

/// The module-wide instance cap must say that it cut something, also when the budget runs out exactly at
/// the end of a resource (5 × 10,000 with the cap at 50,000).
#[test]
fn instance_explosion_reports_the_module_cap() {
    let r = check_alone(
        &root().join("fuzz/regressions/instance_explosion.tf"),
        Duration::from_secs(90),
    );
    assert!(
        error_messages(&r)
            .iter()
            .any(|m| m.contains("resource instances from here on")),
        "{r}"
    );
}

/// `preflight check main.tf` (a bare file name) loaded the file twice, as `main.tf` and as `./main.tf`
/// (from the directory listing), and dropped evaluation errors raised in the copy not reported, such as
/// the depth limit hit by this chain of 10,000 locals.
#[test]
fn deep_local_chain_error_with_a_bare_file_name() {
    let r = check_alone(
        &root().join("testdata/fuzz/local_chain_10000.tf"),
        Duration::from_secs(120),
    );
    assert!(
        error_messages(&r).iter().any(|m| m.contains("levels deep")),
        "{r}"
    );
}
