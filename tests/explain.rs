//! `preflight explain ID` and `preflight rules`.

use assert_cmd::Command;

fn preflight() -> Command {
    Command::cargo_bin("preflight").expect("binary builds")
}

#[test]
fn explain_prints_why_fix_and_references() {
    let out = preflight()
        .args(["explain", "aws-dynamodb-001"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.starts_with("AWS-DYNAMODB-001: DynamoDB table not encrypted")
            && text.contains("\ndynamodb-table-no-customer-key · severity low · encryption"),
        "{text}"
    );
    for heading in [
        "Why it matters",
        "Fix (Terraform)",
        "Fix (CloudFormation)",
        "References",
    ] {
        assert!(
            text.contains(&format!("\n{heading}\n")),
            "{heading}: {text}"
        );
    }
    assert!(text.contains("https://docs.aws.amazon.com/"), "{text}");
    // Prose is wrapped at 100 columns.
    assert!(
        text.lines()
            .filter(|l| l.starts_with("  ") && !l.contains("://"))
            .all(|l| l.chars().count() <= 100),
        "{text}"
    );
    // By name as well.
    let by_name = preflight()
        .args(["explain", "dynamodb-table-no-customer-key"])
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&by_name.stdout), text);
}

#[test]
fn explain_an_unknown_rule_suggests_the_closest() {
    let out = preflight()
        .args(["explain", "AWS-S3-01"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no rule AWS-S3-01"), "{err}");
    assert!(err.contains("did you mean AWS-S3-001?"), "{err}");
}

#[test]
fn rules_columns_fit_the_longest_id() {
    let out = preflight().arg("rules").output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    // Every row's NAME column starts where the header's does.
    let col = text.find("NAME").expect("header");
    for line in text.lines().skip(1) {
        let (id, rest) = line.split_at(col);
        assert!(id.ends_with(' '), "{line}");
        assert!(!rest.starts_with(' '), "{line}");
    }
}
