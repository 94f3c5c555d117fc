//! Team adoption: preflight.toml (every key, good and bad), --select/--ignore, suppressions on module
//! calls and without reasons, --strict-suppressions, baselines, and scans of the files a pre-commit
//! hook passes.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A throwaway repository (a `.git` directory bounds the preflight.toml lookup).
fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir .git");
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

struct Run {
    code: i32,
    json: Value,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    Run {
        code: out.status.code().expect("exit code"),
        json,
        stderr,
    }
}

fn rules(r: &Run) -> Vec<String> {
    let mut ids: Vec<String> = r.json["findings"]
        .as_array()
        .map(|l| {
            l.iter()
                .map(|f| f["rule_id"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

fn messages(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|l| {
            l.iter()
                .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// A public bucket (AWS-S3-001, high) whose ACL comes from a variable of another file, with KMS
/// default encryption so that it has no other finding.
const BUCKET: &str = r#"resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = var.acl
}

resource "aws_s3_bucket_server_side_encryption_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1"
    }
  }
}
"#;
const VARS: &str = "variable \"acl\" {\n  default = \"public-read\"\n}\n";

/// Runs with `config` as preflight.toml and checks that it fails with exit 2, naming `message` and
/// pointing at `snippet` (the TOML line is shown).
fn bad_config(config: &str, message: &str, snippet: &str) {
    let dir = repo(&[
        ("main.tf", BUCKET),
        ("vars.tf", VARS),
        ("preflight.toml", config),
    ]);
    let r = run(dir.path(), &[]);
    assert_eq!(r.code, 2, "{config}: {}", r.stderr);
    assert!(r.stderr.contains(message), "{config}: {}", r.stderr);
    assert!(r.stderr.contains(snippet), "{config}: {}", r.stderr);
    assert!(r.stderr.contains("preflight.toml:"), "{}", r.stderr);
    assert!(r.json.is_null(), "no report after a bad configuration");
}

#[test]
fn fail_on_from_the_file_and_the_flag_wins() {
    let dir = repo(&[
        ("main.tf", BUCKET),
        ("vars.tf", VARS),
        ("preflight.toml", "fail-on = \"critical\"\n"),
    ]);
    let r = run(dir.path(), &[]);
    assert_eq!(rules(&r), vec!["AWS-S3-001"]);
    assert_eq!(r.code, 0, "a high finding under fail-on = critical");
    assert_eq!(run(dir.path(), &["--fail-on", "high"]).code, 1);
    write(dir.path(), "preflight.toml", "fail-on = \"none\"\n");
    assert_eq!(run(dir.path(), &[]).code, 0);
    write(dir.path(), "preflight.toml", "fail-on = \"high\"\n");
    assert_eq!(run(dir.path(), &[]).code, 1);
}

#[test]
fn select_and_ignore_by_id_prefix_and_name() {
    let two =
        format!("{BUCKET}\nresource \"aws_s3_bucket\" \"plain\" {{\n  bucket = \"plain\"\n}}\n");
    let dir = repo(&[("main.tf", &two), ("vars.tf", VARS)]);
    let all = rules(&run(dir.path(), &[]));
    assert_eq!(all, vec!["AWS-S3-001", "AWS-S3-006"]);
    write(dir.path(), "preflight.toml", "ignore = [\"AWS-S3-006\"]\n");
    assert_eq!(rules(&run(dir.path(), &[])), vec!["AWS-S3-001"]);
    write(
        dir.path(),
        "preflight.toml",
        "select = [\"aws-s3\"]\nignore = [\"public-bucket-acl\"]\n",
    );
    assert_eq!(rules(&run(dir.path(), &[])), vec!["AWS-S3-006"]);
    write(dir.path(), "preflight.toml", "select = [\"AWS-EC2\"]\n");
    let r = run(dir.path(), &[]);
    assert!(rules(&r).is_empty());
    assert_eq!(r.code, 0);
    // Flags replace the file's lists.
    let r = run(
        dir.path(),
        &[
            "--select",
            "AWS-S3-001,AWS-S3-006",
            "--ignore",
            "AWS-S3-006",
        ],
    );
    assert_eq!(rules(&r), vec!["AWS-S3-001"]);
    // A flag naming no rule is an error, with a suggestion.
    let r = run(dir.path(), &["--ignore", "AWS-S3-0001"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--ignore names no rule `AWS-S3-0001`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("did you mean `AWS-S3-001`"),
        "{}",
        r.stderr
    );
}

#[test]
fn exclude_globs_leave_paths_out() {
    let dir = repo(&[
        ("infra/main.tf", BUCKET),
        ("infra/vars.tf", VARS),
        ("examples/demo/main.tf", BUCKET),
        ("examples/demo/vars.tf", VARS),
        ("legacy/old/main.tf", BUCKET),
        ("legacy/old/vars.tf", VARS),
    ]);
    let files = |r: &Run| -> Vec<String> {
        let mut f: Vec<String> = r.json["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| f["file"].as_str().unwrap_or_default().to_string())
            .collect();
        f.sort();
        f
    };
    assert_eq!(files(&run(dir.path(), &[])).len(), 3);
    write(
        dir.path(),
        "preflight.toml",
        "exclude = [\"examples\", \"**/old/**\"]\n",
    );
    let r = run(dir.path(), &[]);
    assert_eq!(files(&r), vec!["infra/main.tf"]);
    assert_eq!(r.json["summary"]["files"], 2);
    // Globs are relative to the file's directory, wherever the scan starts.
    let r = run(&dir.path().join("examples"), &["."]);
    assert!(files(&r).is_empty(), "{:?}", r.json);
}

#[test]
fn var_files_and_cfn_params_and_policies_from_the_file() {
    let dir = repo(&[
        ("main.tf", BUCKET),
        (
            "vars.tf",
            "variable \"acl\" {\n  default = \"private\"\n}\n",
        ),
        ("env/prod.tfvars", "acl = \"public-read\"\n"),
    ]);
    assert!(rules(&run(dir.path(), &[])).is_empty());
    write(
        dir.path(),
        "preflight.toml",
        "var-files = [\"env/prod.tfvars\"]\n",
    );
    let r = run(dir.path(), &[]);
    assert_eq!(rules(&r), vec!["AWS-S3-001"]);
    // The value's origin is the file's variable file.
    let trace = &r.json["findings"][0]["trace"][0];
    assert_eq!(trace["file"], "env/prod.tfvars");

    // CloudFormation parameter files.
    let cfn = root().join("testdata/cfn_params/site.yaml");
    let params = root().join("testdata/cfn_param_files/public.json");
    let dir = repo(&[]);
    std::fs::copy(&cfn, dir.path().join("site.yaml")).expect("copy");
    std::fs::copy(&params, dir.path().join("public.json")).expect("copy");
    assert!(!rules(&run(dir.path(), &[])).contains(&"AWS-S3-001".to_string()));
    write(
        dir.path(),
        "preflight.toml",
        "cfn-params = [\"public.json\"]\n",
    );
    assert!(rules(&run(dir.path(), &[])).contains(&"AWS-S3-001".to_string()));

    // Custom policy directories, relative to the file.
    let dir = repo(&[]);
    std::fs::copy(
        root().join("testdata/clean/main.tf"),
        dir.path().join("main.tf"),
    )
    .expect("copy");
    std::fs::create_dir_all(dir.path().join("policies/acme")).expect("mkdir");
    std::fs::copy(
        root().join("testdata/custom_policies/acme/pab_required.rego"),
        dir.path().join("policies/acme/pab_required.rego"),
    )
    .expect("copy");
    assert!(rules(&run(dir.path(), &[])).is_empty());
    write(dir.path(), "preflight.toml", "policies = [\"policies\"]\n");
    assert_eq!(rules(&run(dir.path(), &[])), vec!["ACME-S3-001"]);
    // The file may select the custom rules too.
    write(
        dir.path(),
        "preflight.toml",
        "policies = [\"policies\"]\nignore = [\"ACME\"]\n",
    );
    assert!(rules(&run(dir.path(), &[])).is_empty());
}

#[test]
fn severity_overrides_change_reports_and_the_exit_code() {
    let dir = repo(&[
        ("main.tf", BUCKET),
        ("vars.tf", VARS),
        (
            "preflight.toml",
            "fail-on = \"critical\"\n[severity]\nAWS-S3-001 = \"critical\"\n",
        ),
    ]);
    let r = run(dir.path(), &[]);
    assert_eq!(r.code, 1);
    assert_eq!(r.json["findings"][0]["severity"], "critical");
    write(
        dir.path(),
        "preflight.toml",
        "[severity]\npublic-bucket-acl = \"low\"\n",
    );
    let r = run(dir.path(), &["--fail-on", "medium"]);
    assert_eq!(r.json["findings"][0]["severity"], "low");
    assert_eq!(r.code, 0);
}

#[test]
fn bad_keys_and_values_are_errors_in_the_toml() {
    bad_config(
        "fial-on = \"low\"\n",
        "unknown field `fial-on`",
        "1 │ fial-on",
    );
    bad_config(
        "fail-on = \"hgh\"\n",
        "`fail-on` cannot be `hgh`",
        "expected one of: low",
    );
    bad_config("fail-on = 3\n", "invalid type: integer", "fail-on = 3");
    bad_config(
        "select = \"AWS-S3\"\n",
        "invalid type",
        "select = \"AWS-S3\"",
    );
    bad_config(
        "select = [\"AWS-S3-01\"]\n",
        "`select` names no rule `AWS-S3-01`",
        "did you mean `AWS-S3-001`",
    );
    bad_config(
        "ignore = [\"AWS-XYZ\"]\n",
        "`ignore` names no rule `AWS-XYZ`",
        "ignore = [",
    );
    bad_config("exclude = [\"a/[b\"]\n", "invalid glob", "exclude = [");
    bad_config(
        "exclude = [\"/\"]\n",
        "would exclude everything",
        "exclude = [",
    );
    bad_config(
        "var-files = [\"nope.tfvars\"]\n",
        "variable file `nope.tfvars` does not exist",
        "var-files",
    );
    bad_config(
        "cfn-params = [\"nope.json\"]\n",
        "CloudFormation parameter file `nope.json` does not exist",
        "cfn-params",
    );
    bad_config(
        "policies = [\"nope\"]\n",
        "policy directory `nope` does not exist",
        "policies",
    );
    bad_config(
        "[severity]\nAWS-S3-001 = \"severe\"\n",
        "a severity cannot be `severe`",
        "AWS-S3-001 = \"severe\"",
    );
    bad_config(
        "[severity]\nAWS-S3 = \"low\"\n",
        "`severity` names no rule `AWS-S3`",
        "AWS-S3 = \"low\"",
    );
    bad_config(
        "[severity]\nAWS-S3-001 = 1\n",
        "invalid type",
        "AWS-S3-001 = 1",
    );
    bad_config(
        "strict-suppressions = \"yes\"\n",
        "invalid type",
        "strict-suppressions",
    );
    bad_config("baseline = 1\n", "invalid type", "baseline = 1");
    bad_config("select = [\n", "", "select = [");
}

#[test]
fn lookup_from_a_subdirectory_and_an_explicit_file() {
    let dir = repo(&[
        ("infra/main.tf", BUCKET),
        ("infra/vars.tf", VARS),
        ("preflight.toml", "ignore = [\"AWS-S3-001\"]\n"),
        ("strict.toml", "fail-on = \"low\"\n"),
    ]);
    let r = run(&dir.path().join("infra"), &["."]);
    assert!(rules(&r).is_empty(), "the repository root's file applies");
    let r = run(
        &dir.path().join("infra"),
        &["--config", "../strict.toml", "."],
    );
    assert_eq!(rules(&r), vec!["AWS-S3-001"]);
    let r = run(dir.path(), &["--config", "missing.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read configuration"),
        "{}",
        r.stderr
    );
    // A file above the repository root is not read.
    let outer = tempfile::tempdir().expect("tempdir");
    write(outer.path(), "preflight.toml", "fail-on = \"bogus\"\n");
    write(outer.path(), "repo/.git/HEAD", "");
    write(outer.path(), "repo/main.tf", BUCKET);
    write(outer.path(), "repo/vars.tf", VARS);
    let r = run(&outer.path().join("repo"), &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
}

const MODULE_ROOT: &str = r#"# preflight:ignore AWS-S3-001 -- the site's assets are public by design
module "site" {
  source = "./modules/bucket"
}

module "logs" {
  source = "./modules/bucket"
}
"#;

#[test]
fn a_directive_on_a_module_block_covers_the_call() {
    let dir = repo(&[
        ("main.tf", MODULE_ROOT),
        ("modules/bucket/main.tf", BUCKET),
        ("modules/bucket/vars.tf", VARS),
    ]);
    // Both calls make a bucket named `site`: only the public-ACL rule is looked at here.
    let r = run(dir.path(), &["--select", "AWS-S3-001"]);
    let found: Vec<String> = r.json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["resource"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(found, vec!["module.logs.aws_s3_bucket.site"]);
    assert_eq!(r.json["summary"]["suppressed"], 1);
    assert!(
        r.json["warnings"].as_array().is_some_and(|w| w.is_empty()),
        "{}",
        r.json["warnings"]
    );
    // Another rule is not covered.
    let other = MODULE_ROOT.replace("AWS-S3-001", "AWS-S3-002");
    write(dir.path(), "main.tf", &other);
    let r = run(dir.path(), &["--select", "AWS-S3-001"]);
    assert_eq!(rules(&r), vec!["AWS-S3-001", "AWS-S3-001"]);
    assert!(messages(&r.json["warnings"])
        .iter()
        .any(|m| m.contains("matches no finding")));
}

#[test]
fn reasonless_unused_and_expired_directives_warn_and_strict_makes_them_errors() {
    let reasonless = BUCKET.replace(
        "  acl    = var.acl\n",
        "  acl    = var.acl # preflight:ignore AWS-S3-001\n",
    );
    let dir = repo(&[("main.tf", &reasonless), ("vars.tf", VARS)]);
    let r = run(dir.path(), &[]);
    assert_eq!(r.code, 0, "suppressed");
    let w = messages(&r.json["warnings"]);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("gives no reason"), "{w:?}");
    let r = run(dir.path(), &["--strict-suppressions"]);
    assert_eq!(r.code, 2);
    assert!(messages(&r.json["errors"])[0].contains("gives no reason"));
    // From the file too.
    write(dir.path(), "preflight.toml", "strict-suppressions = true\n");
    assert_eq!(run(dir.path(), &[]).code, 2);
    std::fs::remove_file(dir.path().join("preflight.toml")).expect("rm");

    let unused = BUCKET.replace(
        "  acl    = var.acl\n",
        "  acl    = var.acl # preflight:ignore AWS-S3-002 -- not this rule\n",
    );
    write(dir.path(), "main.tf", &unused);
    let r = run(dir.path(), &[]);
    assert_eq!(r.code, 1);
    assert!(messages(&r.json["errors"]).is_empty());
    let r = run(dir.path(), &["--strict-suppressions"]);
    assert_eq!(r.code, 2);
    assert!(messages(&r.json["errors"])[0].contains("matches no finding"));

    let expired = BUCKET.replace(
        "  acl    = var.acl\n",
        "  acl    = var.acl # preflight:ignore AWS-S3-001 -- until launch exp:2020-01-01\n",
    );
    write(dir.path(), "main.tf", &expired);
    assert_eq!(run(dir.path(), &[]).code, 1);
    let r = run(dir.path(), &["--strict-suppressions"]);
    assert_eq!(r.code, 2);
    assert!(messages(&r.json["errors"])[0].contains("expired"));

    let good = BUCKET.replace(
        "  acl    = var.acl\n",
        "  acl    = var.acl # preflight:ignore AWS-S3-001 -- public site exp:2999-01-01\n",
    );
    write(dir.path(), "main.tf", &good);
    let r = run(dir.path(), &["--strict-suppressions"]);
    assert_eq!(r.code, 0, "{}", r.json);
}

#[test]
fn baseline_round_trip() {
    let dir = repo(&[("main.tf", BUCKET), ("vars.tf", VARS)]);
    let r = run(dir.path(), &["--write-baseline", "preflight-baseline.json"]);
    assert_eq!(r.code, 0, "writing a baseline records the findings");
    assert!(r.stderr.contains("wrote 1 finding"), "{}", r.stderr);
    let text = std::fs::read_to_string(dir.path().join("preflight-baseline.json")).expect("read");
    let b: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(b["version"], 1);
    assert_eq!(b["findings"][0]["rule_id"], "AWS-S3-001");
    assert_eq!(b["findings"][0]["file"], "main.tf");
    assert!(!text.contains("\"line\""), "no line numbers in a baseline");

    let r = run(dir.path(), &["--baseline", "preflight-baseline.json"]);
    assert_eq!(r.code, 0);
    assert!(rules(&r).is_empty());
    assert!(
        r.stderr.contains("1 finding already recorded"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("0 entries no longer match"),
        "{}",
        r.stderr
    );
    // The JSON summary carries the same counts.
    assert_eq!(r.json["summary"]["baselined"], 1, "{}", r.json["summary"]);
    assert_eq!(r.json["summary"]["baseline_stale"], 0);

    // Unrelated edits: lines above, a comment, the variable moved in its file.
    let edited = format!("# storage\n\nlocals {{\n  team = \"web\"\n}}\n\n{BUCKET}");
    write(dir.path(), "main.tf", &edited);
    write(dir.path(), "vars.tf", &format!("# inputs\n\n{VARS}"));
    let r = run(dir.path(), &["--baseline", "preflight-baseline.json"]);
    assert_eq!(r.code, 0, "{:?}", rules(&r));

    // A new finding is the only one reported; from a subdirectory with the path to the same file.
    let more = format!(
        "{edited}\nresource \"aws_s3_bucket\" \"uploads\" {{\n  bucket = \"uploads\"\n  acl    = \"public-read-write\"\n}}\n"
    );
    write(dir.path(), "main.tf", &more);
    let r = run(dir.path(), &["--baseline", "preflight-baseline.json"]);
    assert_eq!(r.code, 1);
    let resources: Vec<&str> = r.json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["resource"].as_str())
        .collect();
    assert!(
        resources.iter().all(|r| *r == "aws_s3_bucket.uploads"),
        "{resources:?}"
    );
    assert!(!resources.is_empty());

    // The baseline from preflight.toml, the scan started in a subdirectory of the repository.
    write(dir.path(), "sub/main.tf", BUCKET);
    write(dir.path(), "sub/vars.tf", VARS);
    let r = run(dir.path(), &["--write-baseline", "preflight-baseline.json"]);
    assert!(
        r.stderr.contains("wrote 5 findings") || r.code == 0,
        "{}",
        r.stderr
    );
    write(
        dir.path(),
        "preflight.toml",
        "baseline = \"preflight-baseline.json\"\n",
    );
    let r = run(&dir.path().join("sub"), &["."]);
    assert_eq!(r.code, 0, "{:?} {}", rules(&r), r.stderr);
    // Fixing the finding leaves a stale entry, which is counted.
    write(
        dir.path(),
        "sub/vars.tf",
        "variable \"acl\" {\n  default = \"private\"\n}\n",
    );
    let r = run(&dir.path().join("sub"), &["."]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("no longer match"), "{}", r.stderr);
    assert!(
        r.json["summary"]["baseline_stale"].as_u64() > Some(0),
        "{}",
        r.json["summary"]
    );
    assert!(
        !r.stderr.contains(" 0 entries no longer match"),
        "{}",
        r.stderr
    );

    // A value from a new origin is a new finding.
    write(dir.path(), "sub/vars.tf", VARS);
    write(
        dir.path(),
        "sub/terraform.tfvars",
        "acl = \"public-read\"\n",
    );
    let r = run(&dir.path().join("sub"), &["."]);
    assert_eq!(rules(&r), vec!["AWS-S3-001"]);

    // A file that is not a baseline is an error.
    write(dir.path(), "bad.json", "{\"version\": 1}");
    let r = run(dir.path(), &["--baseline", "bad.json"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("not a preflight baseline"),
        "{}",
        r.stderr
    );
}

#[test]
fn files_a_pre_commit_hook_passes() {
    let dir = repo(&[
        ("infra/main.tf", BUCKET),
        (
            "infra/vars.tf",
            "variable \"acl\" {\n  default = \"private\"\n}\n",
        ),
        (".github/workflows/ci.yml", "on: push\njobs: {}\n"),
        ("package.json", "{\"name\": \"x\"}\n"),
    ]);
    // Only main.tf changed: the variable of vars.tf is honoured (private: clean).
    let r = run(
        dir.path(),
        &["infra/main.tf", ".github/workflows/ci.yml", "package.json"],
    );
    assert_eq!(r.code, 0, "{}", r.json);
    // Only vars.tf changed, to a public default: the finding in main.tf is reported, since its value
    // comes from the file named.
    write(dir.path(), "infra/vars.tf", VARS);
    let r = run(dir.path(), &["infra/vars.tf"]);
    assert_eq!(r.code, 1, "{}", r.json);
    assert_eq!(r.json["findings"][0]["file"], "infra/main.tf");
    assert_eq!(r.json["findings"][0]["trace"][0]["file"], "infra/vars.tf");
    write(
        dir.path(),
        "infra/vars.tf",
        "variable \"acl\" {\n  default = \"private\"\n}\n",
    );
    // Only the variable file changed: the module beside it is scanned.
    write(
        dir.path(),
        "infra/terraform.tfvars",
        "acl = \"public-read\"\n",
    );
    let r = run(dir.path(), &["infra/terraform.tfvars"]);
    assert_eq!(r.code, 1);
    assert_eq!(rules(&r), vec!["AWS-S3-001"]);
    assert_eq!(r.json["findings"][0]["file"], "infra/main.tf");
}
