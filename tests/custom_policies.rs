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

/// A call to a function that does not exist (a typo, a built-in left out of this build) is found when
/// the policy loads, at the call, by every command that loads it.
#[test]
fn an_unknown_function_is_a_located_load_error() {
    let text = format!("{GOOD_HEAD}deny contains r if {{\n\tsome b in input.aws.s3.buckets\n\tregex.mach(\"^a\", b.label)\n\tr := lib.result(b, \"name\", \"x\")\n}}\n");
    let stderr = load_error(&[("mine.rego", &text)]);
    assert_located(
        &stderr,
        "mine.rego",
        16,
        2,
        "regex.mach(\"^a\", b.label)",
        "unknown function `regex.mach`; did you mean `regex.match`?",
    );
    // A library's function named through an import that lacks it, in a second file.
    let lib = "package mine.helpers\n\nis_big(x) if x > 10\n";
    let text = format!("{GOOD_HEAD}import data.mine.helpers\n\ndeny contains r if {{\n\tsome b in input.aws.s3.buckets\n\thelpers.is_large(b.size)\n\tr := lib.result(b, \"name\", \"x\")\n}}\n");
    let stderr = load_error(&[("helpers.rego", lib), ("mine.rego", &text)]);
    assert_located(
        &stderr,
        "mine.rego",
        18,
        2,
        "helpers.is_large(b.size)",
        "unknown function `helpers.is_large`",
    );
    // The same policy calling what the library defines loads.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("helpers.rego"), lib).expect("write");
    std::fs::write(
        dir.path().join("mine.rego"),
        text.replace("is_large", "is_big"),
    )
    .expect("write");
    let out = preflight()
        .args(["rules", "--policy"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // `preflight test` reports it the same way, a test file's calls included.
    std::fs::write(
        dir.path().join("mine_test.rego"),
        "package mine_test\n\nimport data.mine\n\ntest_x if {\n\tglob.mtch(\"a\", [], \"a\")\n}\n",
    )
    .expect("write");
    let out = preflight()
        .arg("test")
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("mine_test.rego:6:2]"), "{stderr}");
    assert!(stderr.contains("did you mean `glob.match`?"), "{stderr}");
}

/// A call with another number of arguments than its function takes, a built-in or the policy's own,
/// is found when the policy loads, at the call; a statement's last argument that takes the result is
/// Rego and loads.
#[test]
fn a_call_with_the_wrong_number_of_arguments_is_a_located_load_error() {
    let text = format!("{GOOD_HEAD}deny contains r if {{\n\tsome b in input.aws.s3.buckets\n\tregex.match(b.label)\n\tr := lib.result(b, \"name\", \"x\")\n}}\n");
    let stderr = load_error(&[("mine.rego", &text)]);
    assert_located(
        &stderr,
        "mine.rego",
        16,
        2,
        "regex.match(b.label)",
        "`regex.match` takes 2 arguments, the call gives 1",
    );
    // A function of the policy's own package, given one argument too many inside an expression.
    let text = format!("{GOOD_HEAD}named(b, prefix) if startswith(b.label, prefix)\n\ndeny contains r if {{\n\tsome b in input.aws.s3.buckets\n\tok := named(b, \"acme-\", true)\n\tnot ok\n\tr := lib.result(b, \"name\", \"x\")\n}}\n");
    let stderr = load_error(&[("mine.rego", &text)]);
    assert_located(
        &stderr,
        "mine.rego",
        18,
        8,
        "named(b, \"acme-\", true)",
        "`named` takes 2 arguments, the call gives 3; a last argument that receives the result is allowed only in a call written as a statement of its own",
    );
    // As statements, the same calls with the result as the last argument load, and run.
    let text = format!("{GOOD_HEAD}named(b, prefix) := startswith(b.label, prefix)\n\ndeny contains r if {{\n\tsome b in input.aws.s3.buckets\n\tnamed(b, \"acme-\", false)\n\tcount(b.label, n)\n\tn > 0\n\tr := lib.result(b, \"name\", \"x\")\n}}\n");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("mine.rego"), &text).expect("write");
    let (v, code) = check_json(&[
        "testdata/clean",
        "--policy",
        dir.path().to_str().expect("utf-8 path"),
    ]);
    assert_eq!(v["errors"], serde_json::json!([]), "{v}");
    assert!(code == 0 || code == 1, "{v}");
    // `preflight test` checks test files the same way.
    std::fs::write(
        dir.path().join("mine_test.rego"),
        "package mine_test\n\nimport data.mine\n\ntest_x if {\n\tmine.named({\"label\": \"a\"})\n}\n",
    )
    .expect("write");
    let out = preflight()
        .arg("test")
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("mine_test.rego:6:2]"), "{stderr}");
    assert!(
        stderr.contains("`mine.named` takes 2 arguments, the call gives 1"),
        "{stderr}"
    );
}

#[test]
fn network_builtins_are_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policy = "# METADATA\n# title: t\n# description: d\n# custom:\n#   id: NET-001\n#   name: net\n#   severity: low\n#   category: sharing\n#   recommended_action: r\npackage net_test\n\ndeny contains r if {\n\tsome b in input.aws.s3.buckets\n\tresp := http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:9\"})\n\tr := {\"id\": b.id, \"path\": \"\", \"message\": resp.body}\n}\n";
    std::fs::write(dir.path().join("net.rego"), policy).expect("write");
    let out = preflight()
        .args(["check", "testdata/clean", "--policy"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(
        stderr.contains(
            "function `http.send` is not available in preflight: a scan never reaches the network"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("net.rego:14:10]"), "{stderr}");
}

// ---- errors in a user's policy are located ------------------------------------------------------

const GOOD_HEAD: &str = "# METADATA\n# title: Test\n# description: A test policy.\n# custom:\n#   id: MINE-001\n#   name: mine\n#   severity: low\n#   category: sharing\n#   recommended_action: Fix it.\npackage mine\n\nimport data.preflight.lib\n\n";

/// A policy that reads the raw input (`custom.input: raw`): GOOD_HEAD's METADATA and `body`.
fn raw_policy(body: &str) -> String {
    GOOD_HEAD.replace(
        "#   recommended_action",
        "#   input: raw\n#   recommended_action",
    ) + body
}

/// The MINE-001 finding of a JSON report.
fn mine(v: &Value) -> &Value {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule_id"] == "MINE-001")
        .unwrap_or_else(|| panic!("a finding: {v}"))
}

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

// ---- preflight test -----------------------------------------------------------------------------

fn run(args: &[&str]) -> (String, String, i32) {
    let out = preflight().args(args).output().expect("runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().expect("exit code"),
    )
}

#[test]
fn test_runs_a_directorys_tests_with_the_builtin_library() {
    let (stdout, stderr, code) = run(&["test", "examples/policies"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains(
            "PASS examples/policies/bucket_acls_enabled/policy_test.rego:7 \
             data.acme.s3.bucket_acls_enabled_test.test_object_writer_denied\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("27 tests: 27 passed, 0 failed\n"),
        "{stdout}"
    );
}

#[test]
fn a_failing_test_is_reported_at_its_line_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policy = format!("{GOOD_HEAD}deny contains lib.result(b, \"name\", \"x\") if {{\n\tsome b in input.aws.s3.buckets\n\tb.name == \"open\"\n}}\n");
    std::fs::write(dir.path().join("mine.rego"), policy).expect("write");
    let tests = "package mine_test\n\nimport data.mine\n\nbucket(name) := {\"aws\": {\"s3\": {\"buckets\": [{\"id\": \"b\", \"label\": \"b\", \"unknown\": [], \"name\": name}]}}}\n\ntest_open_denied if {\n\tcount(mine.deny) == 1 with input as bucket(\"open\")\n}\n\ntest_wrong if {\n\tcount(mine.deny) == 1 with input as bucket(\"closed\")\n}\n\ntest_error if {\n\tto_number(\"x\") == 1\n}\n";
    std::fs::write(dir.path().join("mine_test.rego"), tests).expect("write");
    let path = dir.path().to_string_lossy().into_owned();
    let (stdout, stderr, code) = run(&["test", &path]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let file = dir.path().join("mine_test.rego").display().to_string();
    assert!(
        stdout.contains(&format!("PASS {file}:7 data.mine_test.test_open_denied\n")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "FAIL {file}:11 data.mine_test.test_wrong: undefined"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("FAIL {file}:15 data.mine_test.test_error: error:")),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("3 tests: 1 passed, 2 failed\n"),
        "{stdout}"
    );
}

#[test]
fn test_reports_a_broken_test_file_located_and_no_tests_as_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policy = format!("{GOOD_HEAD}deny contains lib.result(b, \"name\", \"x\") if {{\n\tsome b in input.aws.s3.buckets\n}}\n");
    std::fs::write(dir.path().join("mine.rego"), &policy).expect("write");
    let path = dir.path().to_string_lossy().into_owned();
    let (_, stderr, code) = run(&["test", &path]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no `test_` rule"), "{stderr}");
    std::fs::write(
        dir.path().join("mine_test.rego"),
        "package mine_test\n\ntest_x if {\n\tcount(data.mine.deny) == == 1\n}\n",
    )
    .expect("write");
    let (_, stderr, code) = run(&["test", &path]);
    assert_eq!(code, 2, "{stderr}");
    // The second `==` (miette counts the leading tab as four columns).
    assert_located(
        &stderr,
        "mine_test.rego",
        4,
        30,
        "count(data.mine.deny) == == 1",
        "expecting expression",
    );
}

#[test]
fn example_policies_report_on_the_example_module() {
    let (v, code) = check_json(&["examples/training-portal", "--policy", "examples/policies"]);
    assert_eq!(code, 1);
    let mut ids: Vec<String> = rule_ids(&v)
        .into_iter()
        .filter(|id| id.starts_with("ACME-"))
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        vec![
            "ACME-EC2-001",
            "ACME-EC2-001",
            "ACME-EC2-001",
            "ACME-S3-002",
        ]
        .into_iter()
        .chain(std::iter::repeat_n("ACME-TAG-001", 11))
        .collect::<Vec<_>>()
    );
}

// ---- preflight schema ---------------------------------------------------------------------------

/// The models of the example module and of every built-in policy's `bad` fixture (which between them
/// hold every kind of entity) validate against the schema `preflight schema` prints.
#[test]
fn the_schema_validates_real_models() {
    use preflight::source::{SourceFile, SourceMap};
    let (stdout, _, code) = run(&["schema"]);
    assert_eq!(code, 0);
    let schema: Value = serde_json::from_str(&stdout).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let mut dirs = vec![root().join("examples/training-portal")];
    fn bad_fixtures(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
            let p = entry.path();
            if p.ends_with("fixtures/bad") {
                out.push(p);
            } else if p.is_dir() {
                bad_fixtures(&p, out);
            }
        }
    }
    bad_fixtures(&root().join("policies"), &mut dirs);
    assert!(dirs.len() > 50, "{}", dirs.len());
    let mut collections = std::collections::BTreeSet::new();
    for dir in dirs {
        let mut sources = SourceMap::default();
        let mut ids = Vec::new();
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("read dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "tf"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).expect("read");
            let name = p.display().to_string();
            ids.push(sources.add(SourceFile::new(p, name, std::sync::Arc::from(text))));
        }
        let model = preflight::terraform::analyze(&sources, &ids).model;
        collections.extend(model.present_collections());
        let instance = serde_json::to_value(&model).expect("model serializes");
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", dir.display());
    }
    assert!(collections.len() > 30, "{collections:?}");
}

// ---- docs/custom-policies.md --------------------------------------------------------------------

/// Every Rego block of the guide is the file its `<!-- file: PATH -->` line names, and every
/// `$ preflight …` command in a `console` block prints the lines shown under it (stdout and stderr).
#[test]
fn docs_examples_are_what_the_binary_does() {
    let doc = std::fs::read_to_string(root().join("docs/custom-policies.md")).expect("guide");
    let lines: Vec<&str> = doc.lines().collect();
    let (mut files, mut commands) = (0, 0);
    let mut i = 0;
    while i < lines.len() {
        let fence = lines[i];
        if !fence.starts_with("```") || fence == "```" {
            i += 1;
            continue;
        }
        let end = (i + 1..lines.len())
            .find(|&j| lines[j] == "```")
            .expect("closed block");
        let body = &lines[i + 1..end];
        if fence == "```rego" {
            let named = i
                .checked_sub(1)
                .and_then(|k| lines[k].strip_prefix("<!-- file: "))
                .and_then(|l| l.strip_suffix(" -->"))
                .expect("a Rego block names its file");
            let file = std::fs::read_to_string(root().join(named)).expect("named file");
            let mut text = body.join("\n");
            text.push('\n');
            assert_eq!(text, file, "{named} differs from the guide");
            files += 1;
        } else if fence == "```console" {
            let mut k = 0;
            while k < body.len() {
                let cmd = body[k].strip_prefix("$ preflight ").expect("a command");
                let expected: Vec<&str> = body[k + 1..]
                    .iter()
                    .take_while(|l| !l.starts_with("$ "))
                    .copied()
                    .collect();
                let args: Vec<&str> = cmd.split_whitespace().collect();
                let (stdout, stderr, _) = run(&args);
                let all = format!("{stdout}{stderr}");
                for line in &expected {
                    assert!(all.contains(line), "`{cmd}` did not print `{line}`:\n{all}");
                }
                commands += 1;
                k += 1 + expected.len();
            }
        }
        i = end + 1;
    }
    assert_eq!((files, commands), (4, 9));
}

// ---- custom.input: raw --------------------------------------------------------------------------

/// Every `# expect: ID` marker of the files under `dir`, as (file, line, rule id).
fn expected_markers(dir: &str) -> Vec<(String, u64, String)> {
    let mut out = Vec::new();
    for entry in ignore::WalkBuilder::new(root().join(dir)).build().flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("readable");
        let rel = path
            .strip_prefix(root())
            .expect("under the root")
            .display()
            .to_string();
        for (i, line) in text.lines().enumerate() {
            if let Some((_, ids)) = line.split_once("# expect: ") {
                for id in ids.split(',') {
                    out.push((rel.clone(), i as u64 + 1, id.trim().to_string()));
                }
            }
        }
    }
    out.sort();
    out
}

/// The findings of the owner-tag example and the model example policies as (file, line, rule id).
fn acme_findings(v: &Value) -> Vec<(String, u64, String)> {
    findings_of(v, &["ACME-TAG-", "ACME-S3-", "ACME-EC2-"])
}

/// The findings of the rules whose id starts with one of `prefixes`, as (file, line, rule id).
/// The (resource, attribute) of each undecided check of `rule` in a JSON report.
fn undecided_of<'v>(v: &'v Value, rule: &str) -> Vec<(&'v str, &'v str)> {
    v["undecided"]
        .as_array()
        .expect("undecided")
        .iter()
        .filter(|u| u["rule_id"] == rule)
        .map(|u| {
            (
                u["resource"].as_str().expect("resource"),
                u["attribute"].as_str().expect("attribute"),
            )
        })
        .collect()
}

fn findings_of(v: &Value, prefixes: &[&str]) -> Vec<(String, u64, String)> {
    let mut out: Vec<(String, u64, String)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f["rule_id"]
                .as_str()
                .is_some_and(|r| prefixes.iter().any(|p| r.starts_with(p)))
        })
        .map(|f| {
            (
                f["file"].as_str().expect("file").to_string(),
                f["line"].as_u64().expect("line"),
                f["rule_id"].as_str().expect("rule").to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// A raw policy (the owner-tag example) on Terraform: the resource without tags is reported at its
/// header, the one whose tags lack `owner` at `tags`, a `count` instance at the tag's line; a tag from
/// a variable, a local or a module input counts; an unknown owner is silent; a suppression applies;
/// the model policy loaded beside it still reports.
#[test]
fn a_raw_policy_reports_terraform_resources_where_the_tag_belongs() {
    let (v, code) = check_json(&[
        "--policy",
        "examples/policies",
        "testdata/raw_input/terraform",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        acme_findings(&v),
        expected_markers("testdata/raw_input/terraform")
    );
    let messages: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule_id"] == "ACME-TAG-001")
        .filter_map(|f| f["message"].as_str())
        .collect();
    for silent in [
        "from_variable",
        "from_local",
        "unknown_owner",
        "suppressed",
        "counted[0]",
    ] {
        assert!(
            !messages.iter().any(|m| m.contains(&format!(".{silent}`"))),
            "{silent}: {messages:?}"
        );
    }
    assert!(messages.contains(&"`module.queue.aws_sns_topic.this` has no `owner` tag"));
}

#[test]
fn a_raw_policy_reports_cloudformation_resources() {
    let (v, code) = check_json(&[
        "--policy",
        "examples/policies",
        "testdata/raw_input/cloudformation",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        acme_findings(&v),
        expected_markers("testdata/raw_input/cloudformation")
    );
}

/// The input a raw policy sees: evaluated attributes, unknown ones absent and listed, meta-arguments
/// left out, nested blocks as lists of objects.
#[test]
fn the_raw_input_is_evaluated_and_unknown_safe() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"name\" {\n  default = \"x\"\n}\nvariable \"secret\" {}\n\
         resource \"aws_thing\" \"a\" {\n  count = 1\n  name  = \"${var.name}-${count.index}\"\n  \
         tags  = { owner = var.secret, team = \"t\" }\n  rule {\n    port = 22\n  }\n}\n",
    )
    .expect("write");
    // A policy that reports the whole input back as its message.
    let policy = raw_policy("deny contains lib.result(r, \"name\", json.marshal(r)) if {\n\tsome r in input.resources\n}\n");
    std::fs::write(dir.path().join("echo.rego"), policy).expect("write");
    let (v, _) = check_json(&[
        "--policy",
        &dir.path().join("echo.rego").display().to_string(),
        &dir.path().display().to_string(),
    ]);
    let finding = mine(&v);
    assert_eq!(finding["line"], 7, "located at `name`");
    let r: Value =
        serde_json::from_str(finding["message"].as_str().expect("message")).expect("json");
    assert_eq!(r["type"], "aws_thing");
    assert_eq!(r["address"], "aws_thing.a[0]");
    assert_eq!(r["format"], "terraform");
    assert!(r["file"].as_str().is_some_and(|f| f.ends_with("main.tf")));
    // An `aws_*` resource gets `tags_all` (its tags over the provider's default tags; none here).
    assert_eq!(
        r["attributes"],
        serde_json::json!({"name": "x-0", "tags": {"team": "t"}, "rule": [{"port": 22}], "tags_all": {"team": "t"}})
    );
    assert_eq!(
        r["unknown"],
        serde_json::json!(["tags.owner", "tags_all.owner"])
    );
}

/// Without a raw policy nothing reads the raw input, and `custom.input` takes only `model` or `raw`.
#[test]
fn an_unknown_input_kind_is_a_located_error() {
    let text = GOOD_HEAD.replace(
        "#   recommended_action",
        "#   input: plan\n#   recommended_action",
    ) + "deny contains 1 if { false }\n";
    let stderr = load_error(&[("p.rego", &text)]);
    assert!(stderr.contains("unknown custom.input `plan`"), "{stderr}");
    assert!(stderr.contains("#   input: plan"), "{stderr}");
}

/// In a plan, what is known only after apply (`after_unknown`) is listed in `unknown`.
#[test]
fn the_raw_input_of_a_plan_lists_what_is_known_after_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policy = raw_policy("deny contains lib.result(r, \"acl\", json.marshal(r)) if {\n\tsome r in input.resources\n\tr.type == \"aws_s3_bucket_acl\"\n}\n");
    std::fs::write(dir.path().join("echo.rego"), policy).expect("write");
    let (v, _) = check_json(&[
        "--policy",
        &dir.path().display().to_string(),
        "testdata/plans/prod.plan.json",
    ]);
    let finding = mine(&v);
    let r: Value =
        serde_json::from_str(finding["message"].as_str().expect("message")).expect("json");
    assert_eq!(r["attributes"]["acl"], "public-read");
    assert!(r["attributes"].get("bucket").is_none());
    assert!(r["unknown"]
        .as_array()
        .expect("unknown")
        .contains(&serde_json::json!("bucket")));
}

/// The AWS provider's `default_tags` reach `tags_all` of the resources it configures (in child
/// modules too), not those of an aliased provider without them.
#[test]
fn default_tags_are_in_tags_all() {
    let (v, code) = check_json(&[
        "--policy",
        "examples/policies",
        "testdata/raw_input/default_tags",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        acme_findings(&v),
        expected_markers("testdata/raw_input/default_tags")
    );
    // An `override_provider` block that may or may not exist leaves `tags_all` unknown, with why.
    let (v, _) = check_json(&[
        "--show-unknown",
        "--policy",
        "examples/policies",
        "testdata/raw_input/default_tags",
    ]);
    let undecided: Vec<(&str, &str)> = undecided_of(&v, "ACME-TAG-001");
    assert_eq!(
        undecided,
        vec![("aws_sqs_queue.maybe_overridden", "tags_all")],
        "{v}"
    );
}

/// A module call's `providers` map decides whose `default_tags` a module's resources get (HCL and
/// Terraform JSON), an unmapped default configuration is inherited down the module path, an alias
/// only when passed, and a child's alias-only `provider` block is a name to be passed, not a
/// configuration.
#[test]
fn default_tags_follow_the_providers_map_of_module_calls() {
    let (v, code) = check_json(&[
        "--policy",
        "examples/policies",
        "testdata/raw_input/provider_map",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        acme_findings(&v),
        expected_markers("testdata/raw_input/provider_map")
    );
    let mut tagless: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule_id"] == "ACME-TAG-001")
        .map(|f| f["resource"].as_str().expect("resource"))
        .collect();
    tagless.sort();
    assert_eq!(
        tagless,
        vec![
            "module.billing.aws_sqs_queue.jobs",
            "module.json_call.aws_sqs_queue.replica",
            "module.outer.aws_kms_key.this",
            "module.outer.module.inner.aws_sns_topic.this",
            "module.untagged.aws_s3_bucket.this",
        ]
    );
}

/// A `providers` argument that is not a map of configurations leaves `tags_all` unknown, with why.
#[test]
fn an_unreadable_providers_map_leaves_tags_all_unknown() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("m")).expect("mkdir");
    std::fs::write(
        dir.path().join("main.tf"),
        "provider \"aws\" {\n  default_tags {\n    tags = { owner = \"a\" }\n  }\n}\n\nvariable \"configs\" {}\n\nmodule \"m\" {\n  source    = \"./m\"\n  providers = var.configs\n}\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("m/main.tf"),
        "resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n",
    )
    .expect("write");
    let (v, _) = check_json(&[
        "--show-unknown",
        "--policy",
        "examples/policies",
        dir.path().to_str().expect("utf-8 path"),
    ]);
    assert!(acme_findings(&v).is_empty(), "{v}");
    let u = v["undecided"]
        .as_array()
        .expect("undecided")
        .iter()
        .find(|u| u["rule_id"] == "ACME-TAG-001")
        .unwrap_or_else(|| panic!("an undecided check: {v}"));
    assert_eq!(u["resource"], "module.m.aws_sqs_queue.q");
    assert_eq!(u["attribute"], "tags_all");
    assert!(
        u["reasons"][0]
            .as_str()
            .is_some_and(|r| r.contains("`providers` argument is not a map")),
        "{u}"
    );
}

/// With `--show-unknown`, a raw policy's check that an unknown value left open is listed with why.
#[test]
fn show_unknown_lists_undecided_raw_checks() {
    let (v, _) = check_json(&[
        "--show-unknown",
        "--policy",
        "examples/policies",
        "testdata/raw_input/terraform",
    ]);
    let undecided: Vec<&Value> = v["undecided"]
        .as_array()
        .expect("undecided")
        .iter()
        .filter(|u| u["rule_id"] == "ACME-TAG-001")
        .collect();
    assert_eq!(undecided.len(), 1, "{v}");
    let u = undecided[0];
    assert_eq!(u["resource"], "aws_s3_bucket.unknown_owner");
    // The policy reads an AWS resource's `tags_all`, where the unknown tag is too.
    assert_eq!(u["attribute"], "tags_all.owner");
    assert_eq!(u["line"], 46);
    assert!(
        u["reasons"][0]
            .as_str()
            .is_some_and(|r| r.contains("var.owner has no value")),
        "{u}"
    );
}

/// Custom policies run in a worker process; `--show-unknown` probes them there as it probes the
/// built-in ones: a check an unknown value could decide is listed with why, one that no value could
/// make report is not, for raw and model policies, and for a field named by a string.
#[test]
fn show_unknown_probes_custom_policies_in_their_worker() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policies = dir.path().join("policies");
    std::fs::create_dir(&policies).expect("mkdir");
    // Raw: a bucket that is force-destroyed and whose prefix is `tmp-`. Known `force_destroy =
    // false` means no prefix could make it report.
    std::fs::write(
        policies.join("raw.rego"),
        raw_policy("deny contains lib.result(r, \"bucket_prefix\", \"x\") if {\n\tsome r in input.resources\n\tr.attributes.force_destroy == true\n\tr.attributes.bucket_prefix == \"tmp-\"\n}\n"),
    )
    .expect("write");
    // Raw, reading its attribute through a key given as a string.
    std::fs::write(
        policies.join("keyed.rego"),
        raw_policy("deny contains lib.result(r, key, \"y\") if {\n\tsome r in input.resources\n\tsome key in {\"acl\"}\n\tr.attributes[key] == \"public-read\"\n}\n")
            .replace("MINE-001", "MINE-002")
            .replace("package mine", "package mine_keyed"),
    )
    .expect("write");
    // Model: the bucket's ACL, which is unknown, read by name.
    std::fs::write(
        policies.join("model.rego"),
        format!("{GOOD_HEAD}deny contains lib.result(b, \"acl\", \"z\") if {{\n\tsome b in input.aws.s3.buckets\n\tb.acl == \"authenticated-read\"\n}}\n")
            .replace("MINE-001", "MINE-003")
            .replace("package mine", "package mine_model"),
    )
    .expect("write");
    let code = dir.path().join("code");
    std::fs::create_dir(&code).expect("mkdir");
    std::fs::write(
        code.join("main.tf"),
        "variable \"prefix\" {}\nvariable \"acl\" {}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket_prefix = var.prefix\n  force_destroy = false\n}\n\nresource \"aws_s3_bucket_acl\" \"b\" {\n  bucket = aws_s3_bucket.b.id\n  acl    = var.acl\n}\n\nresource \"aws_s3_bucket\" \"c\" {\n  bucket = \"c\"\n  acl    = var.acl\n}\n",
    )
    .expect("write");
    let (v, _) = check_json(&[
        "--show-unknown",
        "--policy",
        policies.to_str().expect("utf-8 path"),
        code.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(v["errors"], serde_json::json!([]), "{v}");
    let mut mine: Vec<(String, String, String)> = v["undecided"]
        .as_array()
        .expect("undecided")
        .iter()
        .filter(|u| {
            u["rule_id"]
                .as_str()
                .is_some_and(|r| r.starts_with("MINE-"))
        })
        .map(|u| {
            assert!(
                u["reasons"][0]
                    .as_str()
                    .is_some_and(|r| r.contains("has no value")),
                "{u}"
            );
            (
                u["rule_id"].as_str().expect("rule").to_string(),
                u["resource"].as_str().expect("resource").to_string(),
                u["attribute"].as_str().expect("attribute").to_string(),
            )
        })
        .collect();
    mine.sort();
    let owned = |r: &str, res: &str, a: &str| (r.to_string(), res.to_string(), a.to_string());
    assert_eq!(
        mine,
        vec![
            owned("MINE-002", "aws_s3_bucket.c", "acl"),
            owned("MINE-002", "aws_s3_bucket_acl.b", "acl"),
            owned("MINE-003", "aws_s3_bucket.b", "acl"),
            owned("MINE-003", "aws_s3_bucket.c", "acl"),
        ],
        "{v}"
    );
}

/// `check --print-input` prints what the policies read, per root module and template, instead of a
/// report: the model and the raw resources, with unknown paths, from the values given.
#[test]
fn print_input_shows_the_model_and_raw_resources() {
    let out = preflight()
        .args([
            "check",
            "--print-input",
            "--var",
            "owner=data",
            "testdata/raw_input/terraform",
            "testdata/raw_input/cloudformation",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let inputs = v["inputs"].as_array().expect("inputs");
    let sources: Vec<&str> = inputs
        .iter()
        .map(|i| i["source"].as_str().expect("source"))
        .collect();
    assert_eq!(
        sources,
        vec![
            "testdata/raw_input/cloudformation/template.yaml",
            "testdata/raw_input/terraform",
        ]
    );
    let tf = &inputs[1];
    assert!(tf["model"]["aws"]["s3"]["buckets"].is_array(), "{tf}");
    let bucket = tf["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .find(|r| r["address"] == "aws_s3_bucket.unknown_owner")
        .expect("the bucket");
    // `--var owner=data` resolves what a scan without it leaves unknown.
    assert_eq!(bucket["attributes"]["tags_all"]["owner"], "data");
    assert_eq!(bucket["unknown"], serde_json::json!([]));
    let cfn = &inputs[0];
    assert!(cfn["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .all(|r| r["format"] == "cloudformation"));
    // Nothing is judged: no report on stdout, no findings.
    assert!(v.get("findings").is_none());
}

/// A field that only an imported library names (`tags.missing` reads `tags_all`) is one the policy
/// reads for `--show-unknown`.
#[test]
fn show_unknown_sees_the_fields_imported_libraries_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policies = dir.path().join("policies");
    std::fs::create_dir(&policies).expect("mkdir");
    std::fs::write(
        policies.join("team.rego"),
        raw_policy("import data.preflight.lib.tags\n\ndeny contains lib.result(r, tags.where(r, \"team\"), \"no team\") if {\n\tsome r in input.resources\n\ttags.missing(r, \"team\")\n}\n"),
    )
    .expect("write");
    let code = dir.path().join("code");
    std::fs::create_dir(&code).expect("mkdir");
    std::fs::write(
        code.join("main.tf"),
        "variable \"team\" {}\nvariable \"all\" {}\n\nresource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n  tags = {\n    team = var.team\n  }\n}\n\nresource \"aws_sqs_queue\" \"r\" {\n  name = \"r\"\n  tags = var.all\n}\n",
    )
    .expect("write");
    let (v, _) = check_json(&[
        "--show-unknown",
        "--policy",
        policies.to_str().expect("utf-8 path"),
        code.to_str().expect("utf-8 path"),
    ]);
    assert!(findings_of(&v, &["MINE-"]).is_empty(), "{v}");
    let listed: Vec<(&str, &str)> = undecided_of(&v, "MINE-001");
    // Unknown `tags` are unknown `tags_all`: listed once, where the policy reads them.
    assert_eq!(
        listed,
        vec![
            ("aws_sqs_queue.q", "tags_all.team"),
            ("aws_sqs_queue.r", "tags_all")
        ],
        "{v}"
    );
}

/// A map key holding a dot is one segment of a path: `tags["kubernetes.io/cluster"]` in `unknown`,
/// and a result may name it as a list of segments; both point at the member.
#[test]
fn keys_with_dots_are_located() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"cluster\" {}\nresource \"aws_vpc\" \"a\" {\n  cidr_block = \"10.0.0.0/16\"\n  tags = {\n    Name = \"a\"\n    \"kubernetes.io/cluster\" = \"shared\"\n    \"kubernetes.io/role\" = var.cluster\n  }\n}\n",
    )
    .expect("write");
    let policy = raw_policy("deny contains lib.result(r, [\"tags\", \"kubernetes.io/cluster\"], json.marshal(r.unknown)) if {\n\tsome r in input.resources\n\tr.attributes.tags[\"kubernetes.io/cluster\"] == \"shared\"\n}\n");
    std::fs::write(dir.path().join("k8s.rego"), policy).expect("write");
    let (v, _) = check_json(&[
        "--policy",
        &dir.path().join("k8s.rego").display().to_string(),
        &dir.path().display().to_string(),
    ]);
    let finding = mine(&v);
    assert_eq!(finding["line"], 6, "at the member: {finding}");
    assert_eq!(finding["column"], 5, "{finding}");
    let unknown: Value =
        serde_json::from_str(finding["message"].as_str().expect("message")).expect("json");
    assert_eq!(
        unknown,
        serde_json::json!([
            "tags[\"kubernetes.io/role\"]",
            "tags_all[\"kubernetes.io/role\"]"
        ])
    );
}

/// The naming rule and the rule on a service the model does not cover, on both formats.
#[test]
fn example_raw_policies_report_names_and_unmodelled_services() {
    for dir in [
        "testdata/custom_examples/terraform",
        "testdata/custom_examples/cloudformation",
    ] {
        let (v, code) = check_json(&["--policy", "examples/policies", dir]);
        assert_eq!(code, 1, "{v}");
        assert_eq!(v["errors"], serde_json::json!([]), "{v}");
        assert_eq!(
            findings_of(&v, &["ACME-NAME-", "ACME-SM-"]),
            expected_markers(dir),
            "{dir}"
        );
    }
}
