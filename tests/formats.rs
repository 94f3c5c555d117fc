//! The machine formats (`--format sarif|github|junit|compact`, `--output FILE`) as their consumers
//! read them: SARIF checked against the official 2.1.0 schema (testdata/sarif), XML parsed by a real
//! reader, workflow commands and compact lines parsed field by field; a snapshot of each on
//! testdata/formats (findings in two formats, a value from another file, a suppressed finding, a
//! file that does not parse), and of the human report on it.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn preflight(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("preflight").expect("binary");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    cmd
}

/// stdout and exit code of `preflight check --format FORMAT ARGS` run in `dir`.
fn run_in(dir: &Path, format: &str, args: &[&str]) -> (String, i32) {
    let out = preflight(dir)
        .args(["check", "--format", format])
        .args(args)
        .output()
        .expect("runs");
    (
        String::from_utf8(out.stdout).expect("UTF-8"),
        out.status.code().expect("exit code"),
    )
}

fn run(format: &str, args: &[&str]) -> (String, i32) {
    run_in(&root(), format, args)
}

fn versionless(s: &str) -> String {
    s.replace(
        &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"[version]\"",
    )
}

fn sarif(dir: &Path, args: &[&str]) -> Value {
    let (text, _) = run_in(dir, "sarif", args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn schema_errors(log: &Value) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("testdata/sarif/sarif-schema-2.1.0.json"))
        .expect("vendored schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_matches_the_official_schema() {
    for paths in [
        vec!["testdata/formats"],
        vec!["examples"],
        vec!["testdata/cloudformation"],
        vec!["testdata/clean"],
        vec!["testdata/mixed"],
        vec!["testdata/suppress"],
    ] {
        let log = sarif(&root(), &paths);
        let errors = schema_errors(&log);
        assert!(errors.is_empty(), "{paths:?}: {errors:#?}");
    }
}

#[test]
fn the_schema_check_can_fail() {
    let mut log = sarif(&root(), &["testdata/formats"]);
    log["runs"][0]["results"][0]["level"] = "severe".into();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert_eq!(schema_errors(&log).len(), 2);
}

#[test]
fn sarif_results_rules_and_locations() {
    let log = sarif(&root(), &["testdata/formats"]);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "preflight");
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
    // One descriptor per rule that fired (suppressed ones included), each once.
    let ids: Vec<&str> = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, ["AWS-EBS-001", "AWS-S3-001", "AWS-S3-006"]);
    assert_eq!(ids.len(), 3);
    for r in driver["rules"].as_array().expect("rules") {
        let id = r["id"].as_str().expect("id");
        assert!(r["helpUri"]
            .as_str()
            .expect("helpUri")
            .ends_with(&format!("docs/rules.md#{}", id.to_lowercase())));
        let sev: f64 = r["properties"]["security-severity"]
            .as_str()
            .expect("security-severity is a string")
            .parse()
            .expect("a number");
        assert!((0.0..=10.0).contains(&sev));
        assert!(r["help"]["markdown"]
            .as_str()
            .expect("markdown")
            .contains("**Fix"));
        let tags = r["properties"]["tags"].as_array().expect("tags");
        assert!(tags.iter().any(|t| t == "security"));
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 7, "six findings and one suppressed");
    for r in results {
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(driver["rules"][index]["id"], r["ruleId"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let uri = loc["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(uri.starts_with("testdata/formats/"), "{uri}");
        assert!(loc["region"]["startLine"].as_u64().expect("startLine") >= 1);
        assert!(loc["region"]["endColumn"].as_u64() >= loc["region"]["startColumn"].as_u64());
        assert_eq!(
            r["partialFingerprints"]
                .as_object()
                .expect("partialFingerprints")
                .len(),
            1
        );
    }
    // The public ACL comes from a variable's default in another file.
    let acl = results
        .iter()
        .find(|r| r["ruleId"] == "AWS-S3-001" && r["suppressions"].is_null())
        .expect("the unsuppressed S3-001");
    assert_eq!(acl["level"], "error");
    let related = &acl["relatedLocations"][0];
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "testdata/formats/variables.tf"
    );
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 3);
    // A CloudFormation parameter's default, in the template.
    let cfn = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                == "testdata/formats/template.yaml"
        })
        .expect("the template's finding");
    assert_eq!(
        cfn["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
    // The suppressed one carries the directive's reason.
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| !r["suppressions"].is_null())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert!(suppressed[0]["suppressions"][0]["justification"]
        .as_str()
        .expect("justification")
        .contains("100% reviewed"));
    // The file that does not parse is a notification, and the run did not succeed.
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"]
        .as_array()
        .expect("notifications");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "testdata/formats/broken.tf"
    );
    let clean = sarif(&root(), &["testdata/clean"]);
    assert_eq!(
        clean["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    assert_eq!(clean["runs"][0]["results"], serde_json::json!([]));
}

/// Rule, URI and fingerprint of each result.
fn fingerprints(log: &Value) -> Vec<(String, String, String, u64)> {
    let mut out: Vec<_> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().expect("ruleId").to_string(),
                loc["artifactLocation"]["uri"]
                    .as_str()
                    .expect("uri")
                    .to_string(),
                r["partialFingerprints"]
                    .as_object()
                    .and_then(|o| o.values().next())
                    .and_then(Value::as_str)
                    .expect("fingerprint")
                    .to_string(),
                loc["region"]["startLine"].as_u64().expect("line"),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn fingerprints_survive_unrelated_edits_and_uris_are_relative_to_the_repository() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A repository with the code in a subdirectory, scanned from inside that subdirectory.
    std::fs::create_dir_all(dir.path().join(".git")).expect("mkdir");
    let infra = dir.path().join("infra");
    std::fs::create_dir_all(&infra).expect("mkdir");
    for f in ["main.tf", "variables.tf", "template.yaml"] {
        std::fs::copy(root().join("testdata/formats").join(f), infra.join(f)).expect("copy");
    }
    let before = fingerprints(&sarif(&infra, &["."]));
    assert!(
        before
            .iter()
            .all(|(_, uri, _, _)| uri.starts_with("infra/")),
        "{before:?}"
    );
    let main = infra.join("main.tf");
    let text = std::fs::read_to_string(&main).expect("read");
    std::fs::write(&main, format!("# Buckets and volumes\n\n{text}")).expect("write");
    let after = fingerprints(&sarif(&infra, &["."]));
    let strip = |v: &[(String, String, String, u64)]| {
        v.iter()
            .map(|(r, u, f, _)| (r.clone(), u.clone(), f.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&before), strip(&after));
    assert_ne!(before, after, "the lines moved");
    // Distinct findings have distinct fingerprints.
    let mut prints: Vec<&String> = after.iter().map(|(_, _, f, _)| f).collect();
    prints.sort();
    prints.dedup();
    assert_eq!(prints.len(), after.len());
    // A value written in place instead of coming from the variable: a different origin.
    let text = std::fs::read_to_string(&main).expect("read");
    std::fs::write(
        &main,
        text.replace("acl    = var.bucket_acl", "acl    = \"public-read\""),
    )
    .expect("write");
    let changed = fingerprints(&sarif(&infra, &["."]));
    assert_ne!(strip(&after), strip(&changed));
}

/// The fields of a workflow command line: command, properties, message.
fn command(line: &str) -> (String, Vec<(String, String)>, String) {
    let rest = line.strip_prefix("::").expect("a workflow command");
    let (head, message) = rest.split_once("::").expect("`::` before the message");
    let (name, props) = head.split_once(' ').expect("properties");
    let props = props
        .split(',')
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), v.to_string())
        })
        .collect();
    (name.to_string(), props, message.to_string())
}

#[test]
fn github_workflow_commands() {
    let (text, code) = run("github", &["testdata/formats"]);
    assert_eq!(code, 2, "the file that does not parse");
    let lines: Vec<&str> = text.lines().collect();
    let commands: Vec<_> = lines
        .iter()
        .filter(|l| l.starts_with("::"))
        .map(|l| command(l))
        .collect();
    assert_eq!(commands.len(), 7, "{text}");
    // The parse error, then the findings: high is an error, medium a warning, low a notice.
    let names: Vec<&str> = commands.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        names,
        ["error", "notice", "error", "notice", "warning", "warning", "warning"]
    );
    for (_, props, message) in &commands[1..] {
        let keys: Vec<&str> = props.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"]
        );
        assert!(!message.contains('\n'));
        assert!(message.contains("%0A"), "multi-line messages are escaped");
    }
    assert!(lines.last().expect("summary").starts_with("6 findings"));
}

#[test]
fn github_properties_escape_colons_commas_and_percent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "a,b:c%d.tf";
    std::fs::write(
        dir.path().join(name),
        "resource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"eu-west-1a\"\n}\n",
    )
    .expect("write");
    let (text, _) = run_in(dir.path(), "github", &["."]);
    let line = text
        .lines()
        .find(|l| l.starts_with("::"))
        .expect("a command");
    let (_, props, _) = command(line);
    assert_eq!(props[0], ("file".into(), "a%2Cb%3Ac%25d.tf".into()));
}

#[test]
fn junit_is_well_formed_with_a_failure_per_rule_and_resource() {
    use quick_xml::events::Event;
    let (text, _) = run("junit", &["testdata/formats"]);
    let mut reader = quick_xml::Reader::from_str(&text);
    let (mut suites, mut cases, mut failures, mut skipped, mut errors) = (0, 0, 0, 0, 0);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"testsuite" => suites += 1,
                b"testcase" => cases += 1,
                b"failure" => failures += 1,
                b"skipped" => skipped += 1,
                b"error" => errors += 1,
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("malformed XML at {}: {e}\n{text}", reader.buffer_position()),
        }
    }
    // One failure per rule and resource: S3-001 on assets, S3-006 on assets and logs, EBS-001 on
    // data, scratch and Reports.
    assert_eq!(failures, 6);
    assert_eq!(skipped, 1);
    assert_eq!(errors, 1);
    assert!(suites > 3 && cases > 8);
    assert!(
        text.contains("testdata/formats/main.tf:3:3: high [AWS-S3-001]"),
        "{text}"
    );
}

#[test]
fn compact_is_one_line_per_finding() {
    let (text, code) = run("compact", &["testdata/formats"]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(
        lines[0].starts_with("testdata/formats/broken.tf:3:"),
        "{text}"
    );
    for l in &lines[1..] {
        let (loc, rest) = l.split_once(": ").expect("file:line:col: rest");
        let parts: Vec<&str> = loc.rsplitn(3, ':').collect();
        assert_eq!(parts.len(), 3, "{l}");
        assert!(parts[0].parse::<usize>().is_ok() && parts[1].parse::<usize>().is_ok());
        let (severity, rest) = rest.split_once(' ').expect("severity");
        assert!(
            ["critical", "high", "medium", "low"].contains(&severity),
            "{l}"
        );
        assert!(rest.starts_with("[AWS-"), "{l}");
    }
}

#[test]
fn output_writes_the_format_to_a_file_and_the_terminal_gets_the_human_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("out.sarif");
    let out = preflight(&root())
        .args(["check", "--format", "sarif", "--output"])
        .arg(&file)
        .arg("testdata/formats")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(stdout.contains("AWS-S3-001"), "{stdout}");
    assert!(stdout.contains("6 findings"));
    let log: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("written")).expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    // A file that cannot be written is an error, not a silent success.
    let out = preflight(&root())
        .args(["check", "--format", "junit", "--output"])
        .arg(dir.path().join("missing/dir/out.xml"))
        .arg("testdata/clean")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the report"));
}

#[test]
fn snapshot_formats() {
    let args = ["testdata/formats"];
    insta::assert_snapshot!("formats_sarif", versionless(&run("sarif", &args).0));
    insta::assert_snapshot!("formats_github", run("github", &args).0);
    insta::assert_snapshot!("formats_junit", run("junit", &args).0);
    insta::assert_snapshot!("formats_compact", run("compact", &args).0);
    insta::assert_snapshot!("formats_human", run("human", &args).0);
}
