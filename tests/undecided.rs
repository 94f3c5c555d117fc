//! `--show-unknown`: every undecided check says why, and a check that could not fire whatever the
//! unknown value is is not listed.

use assert_cmd::Command;

fn undecided(files: &[(&str, &str)]) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let out = Command::cargo_bin("preflight")
        .expect("binary builds")
        .args(["check", "--show-unknown", "-f", "json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    report["undecided"].as_array().cloned().unwrap_or_default()
}

const RULES: &str = r#"
variable "office_cidrs" {
  type = list(string)
}

resource "aws_security_group" "web" {
  name = "web"

  ingress {
    description = "HTTPS from the office"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.office_cidrs
  }
}

resource "aws_security_group" "admin" {
  name = "admin"

  ingress {
    description = "SSH from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.office_cidrs
  }
}
"#;

#[test]
fn only_checks_that_could_fire_are_listed() {
    let list = undecided(&[("main.tf", RULES)]);
    let checks: Vec<(String, String)> = list
        .iter()
        .map(|u| {
            (
                u["rule_id"].as_str().unwrap_or_default().to_string(),
                u["attribute"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    // The SSH rule could open port 22 to the world; the HTTPS rule cannot, whatever the range is.
    let resources: Vec<&str> = list.iter().filter_map(|u| u["resource"].as_str()).collect();
    assert!(
        checks.contains(&("AWS-EC2-001".into(), "ingress[0].cidr_blocks".into())),
        "{checks:?}"
    );
    assert!(
        resources.iter().all(|r| *r == "aws_security_group.admin"),
        "{resources:?}"
    );
    for u in &list {
        assert!(
            u["reasons"].as_array().is_some_and(|r| !r.is_empty()),
            "no reason: {u}"
        );
    }
}

#[test]
fn an_unexpandable_for_each_is_the_reason() {
    let tf = r#"
variable "rules" {
  type = map(object({ cidr = string, port = number }))
}

resource "aws_security_group" "db" {
  name = "db"
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each          = var.rules
  security_group_id = aws_security_group.db.id
  cidr_ipv4         = each.value.cidr
  from_port         = each.value.port
  to_port           = each.value.port
  ip_protocol       = "tcp"
}
"#;
    let list = undecided(&[("main.tf", tf)]);
    assert!(!list.is_empty());
    for u in &list {
        let reasons = u["reasons"].to_string();
        assert!(
            reasons.contains(
                "`for_each` of aws_vpc_security_group_ingress_rule.this cannot be evaluated"
            ),
            "{u}"
        );
    }
}
