//! Suppression directives on odd input: expiry dates that are not dates, rule IDs that no rule has,
//! directive text inside strings, and CloudFormation Metadata of the wrong shape. Each is a warning
//! located at the directive (never a failure of the run), and a directive that cannot be trusted does
//! not suppress.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn json(args: &[&str]) -> (Value, i32) {
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let code = out.status.code().expect("exit code");
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (v, code)
}

/// (file name, line, resource) of each finding.
fn findings(v: &Value) -> Vec<(String, u64, String)> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        // (Not the low default-encryption finding every bucket without a setting gets.)
        .filter(|f| f["rule_id"] != "AWS-S3-006")
        .map(|f| {
            let file = f["file"].as_str().unwrap_or("");
            (
                file.rsplit('/').next().unwrap_or(file).to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["resource"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// (file name, line, message) of each warning.
fn warnings(v: &Value) -> Vec<(String, u64, String)> {
    v["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| {
            let file = w["file"].as_str().unwrap_or("");
            (
                file.rsplit('/').next().unwrap_or(file).to_string(),
                w["line"].as_u64().unwrap_or(0),
                w["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn owned(items: &[(&str, u64, &str)]) -> Vec<(String, u64, String)> {
    items
        .iter()
        .map(|(f, l, s)| (f.to_string(), *l, s.to_string()))
        .collect()
}

#[test]
fn an_expiry_that_is_not_a_date_warns_and_does_not_suppress() {
    let (v, code) = json(&["testdata/robustness/suppress/dates"]);
    // Warnings never fail a run: the exit code is the findings' 1.
    assert_eq!(code, 1);
    // `never`, a 13th month, a US-style date and an empty date do not suppress; a real future date
    // (a leap day included) does.
    assert_eq!(
        findings(&v),
        owned(&[
            ("main.tf", 3, "aws_s3_bucket.never"),
            ("main.tf", 8, "aws_s3_bucket.month_13"),
            ("main.tf", 13, "aws_s3_bucket.us_style"),
            ("main.tf", 18, "aws_s3_bucket.empty"),
        ])
    );
    assert_eq!(v["summary"]["suppressed"], 2);
    let w = warnings(&v);
    let lines: Vec<u64> = w.iter().map(|w| w.1).collect();
    assert_eq!(lines, [3, 8, 13, 18], "{w:?}");
    for (date, (_, _, message)) in ["never", "2099-13-45", "12/31/2099"].iter().zip(&w) {
        assert_eq!(
            message,
            &format!(
                "invalid expiry date `{date}`: expected YYYY-MM-DD; the suppression is not applied"
            )
        );
    }
    assert!(w[3].2.starts_with("`exp:` has no date"), "{w:?}");
    // Located at the `exp:` word.
    let at = &v["warnings"][0];
    assert_eq!(
        (at["line"].as_u64(), at["column"].as_u64()),
        (Some(3), Some(59))
    );
}

#[test]
fn an_unknown_rule_id_says_so_even_second_in_a_list() {
    let (v, code) = json(&["testdata/robustness/suppress/ids"]);
    assert_eq!(code, 1);
    // The misspelled directive suppresses nothing; the known IDs of a list still work; a rule's name
    // works like its ID.
    assert_eq!(
        findings(&v),
        owned(&[
            ("main.tf", 3, "aws_s3_bucket.typo"),
            ("main.tf", 24, "aws_s3_bucket.no_ids"),
        ])
    );
    assert_eq!(v["summary"]["suppressed"], 3);
    assert_eq!(
        warnings(&v),
        owned(&[
            (
                "main.tf",
                3,
                "no rule `AWS-S3-01`; did you mean `AWS-S3-001`?"
            ),
            (
                "main.tf",
                8,
                "no rule `AWS-S3-01`; did you mean `AWS-S3-001`?"
            ),
            (
                "main.tf",
                11,
                "suppression of AWS-EBS-001 matches no finding here; remove it"
            ),
            (
                "main.tf",
                11,
                "no rule `NO-SUCH-RULE`; `preflight rules` lists the rules"
            ),
            (
                "main.tf",
                24,
                "suppression names no rule: write `preflight:ignore RULE-ID -- reason`"
            ),
        ])
    );
    // The second ID of the list is the one pointed at.
    assert_eq!(v["warnings"][1]["column"].as_u64(), Some(57));
}

#[test]
fn custom_policies_ids_are_known() {
    let dir = "testdata/robustness/suppress/custom";
    let (v, code) = json(&[dir, "--policy", "testdata/custom_policies"]);
    assert_eq!(code, 0);
    assert_eq!(v["summary"]["suppressed"], 1);
    assert_eq!(warnings(&v), Vec::new());
    // Without the policy loaded, the ID is one that no rule has.
    let (v, code) = json(&[dir]);
    assert_eq!(code, 0);
    assert_eq!(
        warnings(&v),
        owned(&[(
            "main.tf",
            1,
            "no rule `ACME-S3-001`; `preflight rules` lists the rules"
        )])
    );
}

#[test]
fn directive_text_inside_a_string_is_not_a_directive() {
    let (v, code) = json(&["testdata/robustness/suppress/strings"]);
    assert_eq!(code, 1);
    // Strings (with interpolations holding strings), URLs, heredocs, quoted YAML scalars and block
    // scalars hold text; only the real YAML comment on `Commented` suppresses.
    assert_eq!(
        findings(&v),
        owned(&[
            ("main.tf", 4, "aws_s3_bucket.described"),
            ("main.tf", 10, "aws_s3_bucket.slashes"),
            ("template.yaml", 10, "Quoted"),
            ("template.yaml", 18, "Block"),
        ])
    );
    assert_eq!(v["summary"]["suppressed"], 1);
    // And no "matches no finding" warning for text that was never a directive.
    assert_eq!(warnings(&v), Vec::new());
}

#[test]
fn cloudformation_metadata_reads_exp_and_warns_on_bad_shapes() {
    let (v, code) = json(&["testdata/robustness/suppress/metadata"]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&v),
        owned(&[
            ("template.json", 7, "Expired"),
            ("template.json", 12, "WrongKey"),
            ("template.yaml", 22, "Expired"),
            ("template.yaml", 31, "BadDate"),
            ("template.yaml", 38, "BareString"),
            ("template.yaml", 47, "WrongKey"),
        ])
    );
    // `Future` (exp in 2099) and `Typo` (its first entry) are suppressed.
    assert_eq!(v["summary"]["suppressed"], 2);
    let rule_not_id = "unknown key `rule` in a suppression entry (expected `id`, `reason`, `exp`); without `id` this entry suppresses nothing";
    assert_eq!(
        warnings(&v),
        owned(&[
            (
                "template.json",
                6,
                "suppression of AWS-S3-001 expired on 2020-01-31; the findings it covered are reported again"
            ),
            ("template.json", 11, rule_not_id),
            (
                "template.yaml",
                18,
                "suppression of AWS-S3-001 expired on 2020-01-31; the findings it covered are reported again"
            ),
            (
                "template.yaml",
                29,
                "invalid expiry date `never`: expected YYYY-MM-DD; the suppression is not applied"
            ),
            (
                "template.yaml",
                36,
                "`Metadata.preflight.ignore` must be a list of rule IDs or `{id, reason, exp}` entries (`ignore: [AWS-S3-001]`); nothing is suppressed"
            ),
            ("template.yaml", 44, rule_not_id),
            (
                "template.yaml",
                53,
                "suppression of AWS-S3-001 gives no reason: add one after `--` (`preflight:ignore AWS-S3-001 -- why`)"
            ),
            (
                "template.yaml",
                54,
                "no rule `AWS-S3-01`; did you mean `AWS-S3-001`?"
            ),
            (
                "template.yaml",
                54,
                "suppression of AWS-S3-01 gives no reason: add one after `--` (`preflight:ignore AWS-S3-01 -- why`)"
            ),
        ])
    );
}

#[test]
fn warnings_show_in_the_human_report() {
    let out = Command::cargo_bin("preflight")
        .expect("binary")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(["check", "testdata/robustness/suppress/ids"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("no rule `AWS-S3-01`; did you mean `AWS-S3-001`?"),
        "{text}"
    );
    assert!(
        text.contains("7 findings (2 high, 5 low), 5 warnings, 3 suppressed in 1 file"),
        "{text}"
    );
}
