//! The command line as users and CI see it: exit codes, JSON fields, errors next to findings, skipped
//! files, and snapshots of the human output (no colour, fixed width).

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
        .env("COLUMNS", "100");
    cmd
}

fn json(args: &[&str]) -> (Value, i32) {
    let out = preflight()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let code = out.status.code().expect("exit code");
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (v, code)
}

/// `v` without the findings of `rule`: for tests about something else than that rule (the low
/// default-encryption finding that every bucket without a setting gets, say).
fn without(mut v: Value, rule: &str) -> Value {
    if let Some(list) = v["findings"].as_array_mut() {
        list.retain(|f| f["rule_id"] != rule);
    }
    v
}

fn rule_ids(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule_id"].as_str().expect("rule_id").to_string())
        .collect()
}

#[test]
fn clean_code_exits_0() {
    let (v, code) = json(&["testdata/clean"]);
    assert_eq!(code, 0);
    assert_eq!(v["summary"]["findings"], 0);
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn findings_exit_1_with_every_json_field() {
    let (v, code) = json(&["examples"]);
    assert_eq!(code, 1);
    assert_eq!(v["version"], 1);
    let findings = v["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 18);
    let f = findings
        .iter()
        .find(|f| {
            f["rule_id"] == "AWS-S3-001" && f["file"] == "examples/training-portal/storage.tf"
        })
        .expect("public ACL found");
    assert_eq!(f["rule_name"], "public-bucket-acl");
    assert_eq!(f["category"], "public-access");
    assert_eq!(f["severity"], "high");
    assert_eq!(f["file"], "examples/training-portal/storage.tf");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(24), Some(3))
    );
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(24), Some(25))
    );
    assert_eq!(f["resource"], "aws_s3_bucket.roster");
    assert!(f["message"]
        .as_str()
        .is_some_and(|m| m.contains("`roster`") && !m.ends_with('.')));
    assert!(f["help"].as_str().is_some_and(|h| !h.is_empty()));
    assert_eq!(v["errors"], serde_json::json!([]));
    assert_eq!(v["summary"]["files"], 6);
    // Sorted by file, then line.
    let keys: Vec<(String, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn broken_files_exit_2_and_the_rest_is_still_scanned() {
    let (v, code) = json(&["testdata/mixed"]);
    assert_eq!(code, 2);
    // The good file's finding is still reported.
    assert_eq!(rule_ids(&v), vec!["AWS-EBS-001"]);
    let errors = v["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 2, "{errors:?}");
    let binary = &errors[0];
    assert_eq!(binary["file"], "testdata/mixed/binary.tf");
    assert!(binary["message"]
        .as_str()
        .is_some_and(|m| m.contains("not UTF-8")));
    let syntax = &errors[1];
    assert_eq!(syntax["file"], "testdata/mixed/broken.tf");
    assert_eq!(syntax["line"], 3);
    assert!(syntax["message"]
        .as_str()
        .is_some_and(|m| m.contains("syntax error")));
    // package.json is not infrastructure code; the empty file is fine.
    assert_eq!(v["summary"]["files"], 4);
}

#[test]
fn broken_terraform_json_is_located_and_the_rest_is_still_scanned() {
    let (v, code) = json(&["testdata/json_syntax_errors"]);
    assert_eq!(code, 2);
    assert_eq!(rule_ids(&v), vec!["AWS-EBS-001"]);
    let errors: Vec<(String, u64, u64, String)> = v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["file"].as_str().unwrap_or("").to_string(),
                e["line"].as_u64().unwrap_or(0),
                e["column"].as_u64().unwrap_or(0),
                e["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let dir = "testdata/json_syntax_errors";
    assert_eq!(errors.len(), 3, "{errors:?}");
    // An expression inside a JSON string: the column of the character where parsing stopped.
    assert_eq!(errors[0].0, format!("{dir}/bad_expression.tf.json"));
    assert_eq!((errors[0].1, errors[0].2), (6, 23));
    assert!(errors[0].3.contains("syntax error"), "{errors:?}");
    assert_eq!(errors[1].0, format!("{dir}/bad_shape.tf.json"));
    assert_eq!((errors[1].1, errors[1].2), (3, 22));
    assert_eq!(errors[2].0, format!("{dir}/truncated.tf.json"));
    assert!(errors[2].3.contains("not valid JSON"), "{errors:?}");
}

#[test]
fn non_infrastructure_files_are_skipped_silently() {
    let (v, code) = json(&["testdata/not_iac"]);
    assert_eq!(code, 0);
    assert_eq!(v["summary"]["files"], 0);
    assert_eq!(v["errors"], serde_json::json!([]));
}

#[test]
fn fail_on_sets_the_threshold() {
    // Only a medium finding here.
    let (_, code) = json(&["testdata/mixed/good.tf", "--fail-on", "high"]);
    assert_eq!(code, 0);
    let (_, code) = json(&["testdata/mixed/good.tf", "--fail-on", "medium"]);
    assert_eq!(code, 1);
    let (_, code) = json(&["examples", "--fail-on", "none"]);
    assert_eq!(code, 0);
}

#[test]
fn bad_flag_and_missing_path_exit_2() {
    let out = preflight()
        .args(["check", "--format", "xml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let (v, code) = json(&["testdata/no-such-dir"]);
    assert_eq!(code, 2);
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn a_module_is_evaluated_across_its_files() {
    // `site`'s public ACL is neutralized by a public access block in controls.tf.
    let (v, _) = json(&["testdata/split_module"]);
    let v = without(v, "AWS-S3-006");
    let messages: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("`reports`")),
        "{messages:?}"
    );
    assert!(
        !messages.iter().any(|m| m.contains("`site`")),
        "{messages:?}"
    );
}

#[test]
fn a_file_argument_is_judged_with_its_module_and_reports_only_itself() {
    let (v, code) = json(&["testdata/split_module/buckets.tf"]);
    assert_eq!(code, 1);
    let v = without(v, "AWS-S3-006");
    assert_eq!(rule_ids(&v), vec!["AWS-S3-001"]);
    assert_eq!(v["findings"][0]["file"], "testdata/split_module/buckets.tf");
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn output_is_deterministic_across_thread_counts() {
    let run = |threads: &str| {
        preflight()
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "examples", "testdata", "--format", "json"])
            .output()
            .expect("runs")
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("8"));
}

#[test]
fn rules_lists_the_builtin_policies() {
    let out = preflight()
        .args(["rules", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = v
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(ids.len() >= 12, "{ids:?}");
    for id in [
        "AWS-S3-001",
        "AWS-S3-003",
        "AWS-RDS-001",
        "AWS-EC2-001",
        "AWS-IAM-001",
        "AWS-SNS-001",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    let out = preflight().arg("rules").output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().any(|l| l
            .split_whitespace()
            .take(2)
            .eq(["AWS-S3-001", "public-bucket-acl"])),
        "{text}"
    );
}

fn human(args: &[&str]) -> String {
    let out = preflight().arg("check").args(args).output().expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn snapshot_examples_human() {
    insta::assert_snapshot!("examples_human", human(&["examples"]));
}

#[test]
fn snapshot_errors_next_to_findings_human() {
    insta::assert_snapshot!("mixed_human", human(&["testdata/mixed"]));
}

#[test]
fn snapshot_clean_human() {
    insta::assert_snapshot!("clean_human", human(&["testdata/clean"]));
}

#[test]
fn rule_reference_is_up_to_date() {
    let out = preflight()
        .args(["rules", "--format", "markdown"])
        .output()
        .expect("runs");
    let generated = String::from_utf8(out.stdout).expect("UTF-8");
    let path = root().join("docs/rules.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/rules.md");
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/rules.md is out of date: run `UPDATE_DOCS=1 cargo test --test cli rule_reference`"
    );
}

/// README's rule table (between `<!-- rules:start -->` and `<!-- rules:end -->`) lists every built-in
/// rule; `UPDATE_DOCS=1` rewrites it.
#[test]
fn readme_rule_table_is_up_to_date() {
    let out = preflight()
        .args(["rules", "--format", "json"])
        .output()
        .expect("runs");
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    // One table per cloud, named by the ID's prefix (the rules come sorted by ID).
    let cloud = |r: &serde_json::Value| match r["id"].as_str().unwrap_or_default().split('-').next()
    {
        Some("AWS") => "AWS".to_string(),
        Some("AZURE") => "Azure".to_string(),
        Some("GCP") => "Google Cloud".to_string(),
        other => other.unwrap_or_default().to_string(),
    };
    let mut table = String::new();
    let mut current: Option<String> = None;
    for r in &rules {
        let field = |k: &str| r[k].as_str().unwrap_or_default().to_string();
        let c = cloud(r);
        if current.as_ref() != Some(&c) {
            if current.is_some() {
                table.push('\n');
            }
            let n = rules.iter().filter(|x| cloud(x) == c).count();
            table.push_str(&format!(
                "**{c}** ({n} rules)\n\n| ID | Name | Severity | Category | Title |\n|---|---|---|---|---|\n"
            ));
            current = Some(c);
        }
        table.push_str(&format!(
            "| [{id}](docs/rules.md#{anchor}) | `{}` | {} | {} | {} |\n",
            field("name"),
            field("severity"),
            field("category"),
            field("title"),
            id = field("id"),
            anchor = field("id").to_lowercase(),
        ));
    }
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README");
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let (Some(a), Some(b)) = (readme.find(start), readme.find(end)) else {
        panic!("README.md has no {start:?}…{end:?} markers");
    };
    let current = &readme[a + start.len()..b];
    if std::env::var_os("UPDATE_DOCS").is_some() && current != table {
        let updated = format!("{}{table}{}", &readme[..a + start.len()], &readme[b..]);
        std::fs::write(&path, updated).expect("write README.md");
        return;
    }
    assert!(
        current == table,
        "README.md's rule table is out of date: run `UPDATE_DOCS=1 cargo test --test cli readme_rule_table`"
    );
}

/// `(file, line, rule)` for every line ending in `# expect: RULE[, RULE]` under `dir` (recursively), and
/// for every `FILE LINE RULE` line of an `expect` file (for JSON, which has no comments).
fn markers(dir: &std::path::Path) -> std::collections::BTreeSet<(String, u64, String)> {
    let mut out = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(markers(&p));
            continue;
        }
        if p.file_name().is_some_and(|n| n == "expect") {
            let text = std::fs::read_to_string(&p).expect("read expect");
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let parts: Vec<&str> = line.split_whitespace().collect();
                let [file, n, id] = parts[..] else {
                    panic!("{}: `{line}` is not `FILE LINE RULE`", p.display());
                };
                let rel = dir
                    .join(file)
                    .strip_prefix(root())
                    .expect("under root")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert((rel, n.parse().expect("a line number"), id.to_string()));
            }
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let rel = p
            .strip_prefix(root())
            .expect("under root")
            .to_string_lossy()
            .replace('\\', "/");
        for (i, line) in text.lines().enumerate() {
            if let Some((_, ids)) = line.split_once("# expect:") {
                for id in ids.split(',') {
                    out.insert((rel.clone(), i as u64 + 1, id.trim().to_string()));
                }
            }
        }
    }
    out
}

/// Evaluation scenarios: every finding must be marked and every marker found.
#[test]
fn evaluation_scenarios_match_their_markers() {
    let mut failures = Vec::new();
    let dirs = std::fs::read_dir(root().join("testdata/eval")).expect("testdata/eval");
    for dir in dirs.flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
        let rel = dir
            .strip_prefix(root())
            .expect("under root")
            .to_string_lossy()
            .replace('\\', "/");
        let (v, _) = json(&[&rel]);
        if v["summary"]["errors"] != 0 {
            failures.push(format!("{rel}: errors {}", v["errors"]));
        }
        let found: std::collections::BTreeSet<(String, u64, String)> = v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                (
                    f["file"].as_str().unwrap_or("").to_string(),
                    f["line"].as_u64().unwrap_or(0),
                    f["rule_id"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let expected = markers(&dir);
        if found != expected {
            failures.push(format!(
                "{rel}:\n  expected {expected:?}\n  found    {found:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_remote_module_that_is_not_installed_is_a_warning() {
    let (v, code) = json(&["testdata/eval/installed"]);
    // The installed module's findings decide the exit code; the warning does not.
    assert_eq!(code, 1);
    let warnings = v["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["file"], "testdata/eval/installed/main.tf");
    assert_eq!(warnings[0]["line"], 11);
    let message = warnings[0]["message"].as_str().expect("message");
    assert!(
        message.contains("module.missing")
            && message.contains("example-org/missing/aws")
            && message.contains("terraform init"),
        "{message}"
    );
}

#[test]
fn count_and_for_each_instances_have_terraform_addresses() {
    let (v, _) = json(&["testdata/eval/expansion"]);
    let resources: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["resource"].as_str())
        .collect();
    for r in [
        "aws_s3_bucket.site[\"public\"]",
        "aws_ebs_volume.scratch[0]",
        "aws_ebs_volume.scratch[1]",
        "aws_s3_bucket.logs[0]",
    ] {
        assert!(resources.contains(&r), "{r} missing from {resources:?}");
    }
    assert!(
        !resources
            .iter()
            .any(|r| r.starts_with("aws_db_instance.debug")),
        "count = 0 must be silent"
    );
}

/// A resource whose `count`/`for_each` is unknown is judged once, as `address[*]`, on what its body
/// writes; what depends on `count.index` or `each` is unknown, so it is never judged as index 0.
#[test]
fn unknown_count_is_judged_once_for_every_instance() {
    let (v, _) = json(&["testdata/eval/expansion/unknown.tf"]);
    let found: Vec<(String, String)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or("").to_string(),
                f["resource"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&("AWS-S3-001".into(), "aws_s3_bucket.uploads[*]".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("AWS-EBS-001".into(), "aws_ebs_volume.plain[*]".into())),
        "{found:?}"
    );
    // `acl = each.value` and `encrypted = count.index > 0` are unknown: silent.
    assert!(
        !found
            .iter()
            .any(|(id, r)| (id == "AWS-S3-001" && r.contains("per_key"))
                || r.starts_with("aws_ebs_volume.data")),
        "{found:?}"
    );
    // The human report says why the finding stands for every instance, at the `count`.
    let out = preflight()
        .args(["check", "testdata/eval/expansion/unknown.tf"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "`count` of aws_ebs_volume.plain cannot be evaluated (var.volume_count has no value"
        ) && text.contains("holds for every instance, and so does this finding"),
        "{text}"
    );
}

/// A module call whose `count`/`for_each` is unknown makes one instance, `module.NAME[*]`, that stands
/// for all: what its resources write holds for each, what depends on `count.index`/`each` is unknown
/// (never index 0), companions inside it and indexed outputs still join. Known counts are unchanged.
#[test]
fn unknown_module_count_is_judged_once_for_every_instance() {
    let dir = "testdata/eval/module_expansion";
    let (v, _) = json(&[dir]);
    let mut found: Vec<(String, String)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or("").to_string(),
                f["resource"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    found.sort();
    let expected: Vec<(String, String)> = [
        ("AWS-EBS-001", "module.replicas[1].aws_ebs_volume.scratch"),
        // The other instances are encrypted, with the default EBS key.
        ("AWS-EBS-006", "module.per_zone[*].aws_ebs_volume.scratch"),
        ("AWS-EBS-006", "module.replicas[0].aws_ebs_volume.scratch"),
        ("AWS-S3-001", "module.uploads[*].aws_s3_bucket.this"),
        ("AWS-S3-003", "module.uploads[*].aws_s3_bucket.this"),
        ("AWS-S3-006", "module.per_zone[*].aws_s3_bucket.this"),
        ("AWS-S3-006", "module.replicas[0].aws_s3_bucket.this"),
        ("AWS-S3-006", "module.replicas[1].aws_s3_bucket.this"),
        ("AWS-S3-006", "module.uploads[*].aws_s3_bucket.this"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(found, expected);
    // The note is at the call's `count`, says why and that the finding holds for every instance.
    let out = preflight().args(["check", dir]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("main.tf:11:3")
            && text.contains(
                "`count` of module.uploads cannot be evaluated (var.upload_count has no value"
            )
            && text.contains("`for_each` of module.per_zone cannot be evaluated (data.aws_availability_zones.all")
            && text.contains("holds for every instance, and so does this finding"),
        "{text}"
    );
    // With the count given, the instances are expanded as before.
    let (v, _) = json(&[dir, "--var", "upload_count=2"]);
    let resources: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["resource"].as_str())
        .filter(|r| r.starts_with("module.uploads"))
        .collect();
    assert!(
        resources.contains(&"module.uploads[1].aws_s3_bucket.this")
            && resources.contains(&"module.uploads[0].aws_ebs_volume.scratch")
            && !resources.iter().any(|r| r.contains("[*]")),
        "{resources:?}"
    );
}

fn findings_of(v: &Value) -> Vec<(String, u64)> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn var_flags_files_and_environment_in_terraform_precedence() {
    let dir = "testdata/eval/variables";
    // --var gives the missing ssh_port; TF_VAR_ sets from_env.
    let out = preflight()
        .env("TF_VAR_from_env", "public-read-write")
        .args(["check", dir, "--format", "json", "--var", "ssh_port=22"])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found = findings_of(&v);
    assert!(found.contains(&("AWS-EC2-001".into(), 38)), "{found:?}");
    assert!(found.contains(&("AWS-S3-001".into(), 44)), "{found:?}");

    // --var wins over TF_VAR_.
    let out = preflight()
        .env("TF_VAR_from_env", "public-read-write")
        .args([
            "check",
            dir,
            "--format",
            "json",
            "--var",
            "from_env=private",
        ])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(!findings_of(&v).contains(&("AWS-S3-001".into(), 44)));

    // --var-file wins over the module's auto-loaded files: logs_acl back to private, RDP instead of SSH.
    let (v, _) = json(&[dir, "--var-file", "testdata/vars/override.tfvars"]);
    let found = findings_of(&v);
    assert!(!found.contains(&("AWS-S3-001".into(), 22)), "{found:?}");
    let msg = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule_id"] == "AWS-EC2-001")
        .and_then(|f| f["message"].as_str())
        .unwrap_or_default()
        .to_string();
    assert!(msg.contains("3389"), "{msg}");
}

#[test]
fn bad_variable_input_is_an_error() {
    let out = preflight()
        .args(["check", "testdata/clean", "--var", "novalue"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let (v, code) = json(&[
        "testdata/clean",
        "--var-file",
        "testdata/vars/broken.tfvars",
    ]);
    assert_eq!(code, 2);
    assert_eq!(v["errors"][0]["file"], "testdata/vars/broken.tfvars");
    assert_eq!(v["errors"][0]["line"], 1);
    let (_, code) = json(&[
        "testdata/clean",
        "--var-file",
        "testdata/vars/missing.tfvars",
    ]);
    assert_eq!(code, 2);
}

#[test]
fn findings_trace_where_their_value_came_from() {
    let (v, _) = json(&["testdata/eval/variables", "--var", "ssh_port=22"]);
    let findings = v["findings"].as_array().expect("findings");
    let trace_of = |line: u64| -> Vec<Value> {
        findings
            .iter()
            .find(|f| f["line"] == line)
            .map(|f| f["trace"].as_array().expect("trace").clone())
            .unwrap_or_default()
    };
    // acl = var.logs_acl, set by prod.auto.tfvars (which wins over terraform.tfvars).
    let t = trace_of(22);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0]["file"], "testdata/eval/variables/prod.auto.tfvars");
    assert_eq!(
        (t[0]["line"].as_u64(), t[0]["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(t[0]["note"], "var.logs_acl is set here");
    // acl = local.site_acl → var.site_acl's default.
    let t = trace_of(58);
    let notes: Vec<&str> = t.iter().filter_map(|s| s["note"].as_str()).collect();
    assert_eq!(
        notes,
        [
            "local.site_acl is defined here",
            "var.site_acl defaults to this value"
        ]
    );
    assert_eq!(t[1]["line"], 49);
    // A literal value has no trace.
    assert_eq!(trace_of(38), Vec::<Value>::new());
}

#[test]
fn snapshot_origin_in_another_file_human() {
    insta::assert_snapshot!(
        "variables_human",
        human(&["testdata/eval/variables", "--var", "ssh_port=22"])
    );
}

#[test]
fn modules_are_evaluated_through_their_callers() {
    let (v, code) = json(&["testdata/eval/modules"]);
    assert_eq!(code, 1);
    let v = without(v, "AWS-S3-006");
    let findings = v["findings"].as_array().expect("findings");
    let resources: Vec<&str> = findings
        .iter()
        .filter_map(|f| f["resource"].as_str())
        .collect();
    assert_eq!(
        resources,
        [
            "module.archive.aws_s3_bucket.this",
            "module.team_buckets[\"analytics\"].aws_s3_bucket.this",
            "module.team_buckets[\"analytics\"].aws_s3_bucket.this",
            "module.uploads.aws_s3_bucket.this",
            "module.db.aws_db_instance.this",
            "module.replicas[1].aws_db_instance.this",
            "module.db.module.sg.aws_security_group.db",
        ]
    );
    // The nested module's value is traced to both calls' arguments.
    let sg = &findings[6]["trace"];
    let notes: Vec<(&str, u64)> = sg
        .as_array()
        .expect("trace")
        .iter()
        .map(|t| {
            (
                t["file"].as_str().unwrap_or(""),
                t["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        notes,
        [
            ("testdata/eval/modules/modules/database/main.tf", 20),
            ("testdata/eval/modules/envs/prod/main.tf", 19),
        ]
    );
    // Scanning only the root still evaluates (and reports) the modules it calls.
    let (v, _) = json(&["testdata/eval/modules/envs/prod"]);
    assert_eq!(v["summary"]["findings"], 11);
}

#[test]
fn a_module_that_calls_itself_is_reported_once() {
    let (v, code) = json(&["testdata/recursive_module"]);
    assert_eq!(code, 2);
    let errors = v["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("calls the module it is written in")),
        "{errors:?}"
    );
    // The call is not followed: the module's volume is found once, not once per level.
    assert_eq!(v["summary"]["findings"], 1);
}

#[test]
fn show_unknown_lists_undecided_checks_and_why() {
    let dir = "policies/aws/s3/public_bucket_acl/fixtures/unknown";
    let (v, code) = json(&[dir]);
    assert_eq!(code, 0);
    assert!(v.get("undecided").is_none(), "only with --show-unknown");
    let (v, code) = json(&[dir, "--show-unknown"]);
    assert_eq!(code, 0, "undecided checks are not findings");
    let undecided = v["undecided"].as_array().expect("undecided");
    let acl = undecided
        .iter()
        .find(|u| u["attribute"] == "acl")
        .expect("the acl check is undecided");
    assert_eq!(acl["rule_id"], "AWS-S3-001");
    assert_eq!(acl["resource"], "aws_s3_bucket.configurable");
    assert_eq!(
        (acl["line"].as_u64(), acl["column"].as_u64()),
        (Some(7), Some(3))
    );
    assert_eq!(
        acl["reasons"][0],
        "var.acl has no value: pass it with --var acl=…, a .tfvars file or TF_VAR_acl"
    );
    // Giving the value decides the check.
    let (v, _) = json(&[dir, "--show-unknown", "--var", "acl=private"]);
    let undecided = v["undecided"].as_array().expect("undecided");
    assert!(
        !undecided.iter().any(|u| u["attribute"] == "acl"),
        "{undecided:?}"
    );
    let text = human(&[dir, "--show-unknown"]);
    assert!(text.contains("checks undecided"), "{text}");
    assert!(
        text.contains("data.aws_s3_bucket.shared is read from the cloud"),
        "{text}"
    );
}

#[test]
fn terraform_plans_are_judged_on_their_planned_values() {
    let (v, code) = json(&["testdata/plans"]);
    assert_eq!(code, 1);
    let found: Vec<(String, u64, String)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["resource"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expected = [
        ("AWS-S3-006", 14, "aws_s3_bucket.logs"),
        // The ACL companion joins its bucket through the configuration's references.
        ("AWS-S3-001", 30, "aws_s3_bucket.logs"),
        ("AWS-RDS-002", 45, "aws_db_instance.main"),
        ("AWS-RDS-001", 46, "aws_db_instance.main"),
        ("AWS-EBS-006", 58, "aws_ebs_volume.data"),
        ("AWS-EC2-001", 82, "module.net.aws_security_group.web[0]"),
        ("AWS-SNS-001", 103, "module.net.aws_sns_topic.alerts"),
    ];
    let expected: Vec<(String, u64, String)> = expected
        .iter()
        .map(|(r, l, a)| (r.to_string(), *l, a.to_string()))
        .collect();
    assert_eq!(found, expected);
    // The plan is found by its content when a directory is walked, and by name when given.
    let (v, _) = json(&["testdata/plans/prod.plan.json"]);
    assert_eq!(v["summary"]["findings"], 7);
}

#[test]
fn broken_plans_are_located_errors() {
    let (v, code) = json(&["testdata/plan_errors"]);
    assert_eq!(code, 2);
    let errors = v["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        errors[0]["file"],
        "testdata/plan_errors/no_values.plan.json"
    );
    assert!(errors[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("planned_values")));
    assert_eq!(
        errors[1]["file"],
        "testdata/plan_errors/truncated.plan.json"
    );
    assert!(errors[1]["message"]
        .as_str()
        .is_some_and(|m| m.contains("not valid JSON")));
}

#[test]
fn cloudformation_parameters_from_flags_and_files() {
    let dir = "testdata/cfn_params";
    // No default and no value: undecided, silent.
    let (v, code) = json(&[dir, "--show-unknown"]);
    assert_eq!(code, 0);
    let reasons = &v["undecided"][0]["reasons"];
    assert_eq!(
        reasons[0],
        "parameter SiteAcl has no default: pass it with --cfn-param SiteAcl=…"
    );
    // A flag decides it.
    let (v, code) = json(&[dir, "--cfn-param", "SiteAcl=PublicRead"]);
    assert_eq!(code, 1);
    assert_eq!(v["findings"][0]["rule_id"], "AWS-S3-001");
    assert_eq!(v["findings"][0]["line"], 11);
    // Both file forms, later wins; a flag wins over files.
    let (v, _) = json(&[dir, "--cfn-params", "testdata/cfn_param_files/public.json"]);
    assert_eq!(v["summary"]["findings"], 1);
    let (v, _) = json(&[
        dir,
        "--cfn-params",
        "testdata/cfn_param_files/public.json",
        "--cfn-params",
        "testdata/cfn_param_files/private.json",
    ]);
    assert_eq!(v["summary"]["findings"], 0);
    let (v, _) = json(&[
        dir,
        "--cfn-params",
        "testdata/cfn_param_files/private.json",
        "--cfn-param",
        "SiteAcl=PublicRead",
    ]);
    assert_eq!(v["summary"]["findings"], 1);
    // A broken parameter file is a located error.
    let (v, code) = json(&[dir, "--cfn-params", "testdata/cfn_param_files/broken.json"]);
    assert_eq!(code, 2);
    assert_eq!(
        v["errors"][0]["file"],
        "testdata/cfn_param_files/broken.json"
    );
}

#[test]
fn suppression_in_terraform_json_is_a_comment_property() {
    let (v, code) = json(&["testdata/suppress_json"]);
    assert_eq!(code, 1);
    let v = without(v, "AWS-S3-006");
    // A `//` property covers the object it is in: `website` (its finding 2 lines down), `first`
    // (written last, on a line shared with `second`) and `third` (array form). Not `second`, and not
    // `fourth`, whose `//…preflight:ignore` is inside a URL, not a comment property.
    let found: Vec<(String, u64)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["resource"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let want: Vec<(String, u64)> = [
        ("aws_s3_bucket.uploads", 11),
        ("aws_ebs_volume.scratch", 15),
        ("aws_s3_bucket.second", 4),
        ("aws_s3_bucket.fourth", 15),
    ]
    .iter()
    .map(|(r, l)| (r.to_string(), *l))
    .collect();
    assert_eq!(found, want);
    assert_eq!(v["summary"]["suppressed"], 3);
    let warnings = v["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["line"], 16);
}

#[test]
fn suppression_directives_and_their_warnings() {
    let (v, code) = json(&["testdata/suppress"]);
    // One finding left (its suppression expired); warnings do not change the exit code.
    assert_eq!(code, 1);
    let v = without(v, "AWS-S3-006");
    assert_eq!(rule_ids(&v), vec!["AWS-SNS-001"]);
    assert_eq!(v["summary"]["suppressed"], 3);
    let warnings: Vec<(u64, &str)> = v["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| {
            (
                w["line"].as_u64().unwrap_or(0),
                w["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(warnings[0].0, 13);
    assert!(warnings[0].1.contains("expired on 2020-01-01"));
    assert_eq!(warnings[1].0, 19);
    assert!(warnings[1].1.contains("matches no finding"));
    let text = human(&["testdata/suppress"]);
    assert!(
        text.contains("3 findings (1 medium, 2 low), 2 warnings, 3 suppressed in 2 files"),
        "{text}"
    );
}

#[test]
fn custom_policies_and_the_time_budget() {
    let (v, code) = json(&["testdata/clean", "--policy", "testdata/custom_policies"]);
    assert_eq!(code, 1);
    assert_eq!(rule_ids(&v), vec!["ACME-S3-001"]);
    let (v, code) = json(&[
        "testdata/mixed/good.tf",
        "--policy",
        "testdata/custom_policies_slow",
        "--policy-timeout",
        "0.2",
    ]);
    // No bucket here: the slow policy is not even run, the built-in ones are.
    assert_eq!(code, 1);
    assert_eq!(v["errors"], serde_json::json!([]));
    assert_eq!(rule_ids(&v), vec!["AWS-EBS-001"]);
    // A runaway policy is stopped by the time budget and reported.
    let (v, code) = json(&[
        "testdata/clean",
        "--policy",
        "testdata/custom_policies_slow",
        "--policy-timeout",
        "0.2",
    ]);
    assert_eq!(code, 2);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("SLOW-001") && m.contains("time limit")),
        "{}",
        v["errors"]
    );
    // A missing policy directory is a usage error.
    let out = preflight()
        .args([
            "check",
            "testdata/clean",
            "--policy",
            "testdata/no-such-policies",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_risky_branch_of_an_undecidable_condition_is_reported_with_the_condition() {
    let (v, code) = json(&["policies/aws/s3/public_bucket_acl/fixtures/bad/conditional.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(
        v["findings"][0]["message"],
        "S3 bucket `GalleryBucket` lets anyone read its objects through its `public-read` ACL (when condition IsHardened is false)"
    );
    // A parameter given on the command line decides the condition: no branch to name.
    let (v, code) = json(&[
        "policies/aws/s3/public_bucket_acl/fixtures/bad/conditional.yaml",
        "--cfn-param",
        "Hardened=yes",
    ]);
    assert_eq!(
        (code, &v["summary"]["findings"]),
        (0, &serde_json::json!(0))
    );
}

#[test]
fn malformed_templates_are_located_errors_and_realistic_ones_parse() {
    let (v, code) = json(&["testdata/cfn_malformed"]);
    assert_eq!(code, 2);
    let errors: Vec<(String, u64, String)> = v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["file"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string(),
                e["line"].as_u64().unwrap_or(0),
                e["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let files: Vec<&str> = errors.iter().map(|(f, _, _)| f.as_str()).collect();
    assert_eq!(
        files,
        [
            "bad_indent.yaml",
            "duplicate_key.json",
            "list.yaml",
            "tabs.yaml",
            "unclosed_flow.yaml"
        ],
        "{errors:?}"
    );
    for (file, line, message) in &errors {
        assert!(*line >= 1, "{file}: {message}");
    }
    assert_eq!(errors[1].1, 5, "the duplicate key's line");
    assert!(errors[1].2.contains("duplicate key `Logs`"));
    assert!(errors[2].2.contains("must be a mapping"));
    // The realistic templates written for the tests parse without errors.
    let (v, _) = json(&["testdata/cloudformation"]);
    assert_eq!(v["errors"], serde_json::json!([]));
    assert_eq!(v["summary"]["files"], 4);
}

#[test]
fn snapshot_cloudformation_human() {
    insta::assert_snapshot!(
        "cloudformation_human",
        human(&["testdata/cloudformation/legacy_ops.yml"])
    );
}

#[test]
fn the_file_size_limit_is_configurable() {
    let (v, code) = json(&["testdata/clean", "--max-file-size", "100"]);
    assert_eq!(code, 2);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("larger than the 100 byte limit")),
        "{}",
        v["errors"]
    );
    let (_, code) = json(&["testdata/clean", "--max-file-size", "100000"]);
    assert_eq!(code, 0);
}

/// A scan of one file of a module (the pre-commit case) runs only the policies that read what that
/// file defines: it must report exactly what the scan of the whole directory reports in that file,
/// including findings that are there because a value comes from the file named (a variable default).
#[test]
fn one_file_of_a_module_reports_what_the_directory_scan_reports_there() {
    let dirs = ["examples/training-portal", "testdata/formats"];
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        let (whole, _) = json(&[dir]);
        let key = |f: &Value| {
            format!(
                "{} {} {} {} {}",
                f["rule_id"], f["file"], f["line"], f["column"], f["message"]
            )
        };
        let mut files: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tf"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{dir}");
        for name in files {
            let path = format!("{dir}/{name}");
            let (one, _) = json(&[&path]);
            let mut got: Vec<String> = one["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(key)
                .collect();
            got.sort();
            // The directory's findings located in this file, or whose trace passes through it.
            let mut want: Vec<String> = whole["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .filter(|f| {
                    f["file"] == path.as_str()
                        || f["trace"]
                            .as_array()
                            .is_some_and(|t| t.iter().any(|s| s["file"] == path.as_str()))
                })
                .map(key)
                .collect();
            want.sort();
            assert_eq!(got, want, "{path}");
        }
    }
}

/// AWS-EKS-001 says which value made the endpoint public to everyone: a left-out
/// `endpoint_public_access` (true by default) and `public_access_cidrs` (0.0.0.0/0 by default), or an
/// explicit `true` beside the open CIDR list, in both formats.
#[test]
fn eks_public_endpoint_names_the_defaults_that_made_it() {
    let human = |path: &str| {
        let out = preflight()
            .args(["check", "--select", "AWS-EKS-001", path])
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let dir = "policies/aws/eks/public_endpoint/fixtures";
    let text = human(&format!("{dir}/left_out/main.tf"));
    for note in [
        "`endpoint_public_access` is not set, so it defaults to true: the endpoint is public",
        "`public_access_cidrs` is not set, so it defaults to 0.0.0.0/0 (every address)",
    ] {
        assert!(text.contains(note), "{note} missing from:\n{text}");
    }
    let text = human(&format!("{dir}/left_out/template.yaml"));
    for note in [
        "`EndpointPublicAccess` is not set, so it defaults to true",
        "`PublicAccessCidrs` is not set, so it defaults to 0.0.0.0/0",
    ] {
        assert!(text.contains(note), "{note} missing from:\n{text}");
    }
    let text = human(&format!("{dir}/bad/main.tf"));
    assert!(
        text.contains("`endpoint_public_access` is true: the endpoint is public")
            && !text.contains("is not set"),
        "{text}"
    );
}
