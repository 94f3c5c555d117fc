//! Where a finding's value comes from, as the reports show it.

use assert_cmd::Command;

fn preflight() -> Command {
    Command::cargo_bin("preflight").expect("binary builds")
}

const TEMPLATE: &str = "AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  SSHLocation:
    Description: Addresses that may open SSH sessions
    Type: String
    Default: 0.0.0.0/0
Resources:
  BastionGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: SSH to the bastion
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref SSHLocation
";

/// A value from a CloudFormation parameter's default is traced to the `Default` line, and the help
/// says how to check the deployed value instead.
#[test]
fn cloudformation_parameter_defaults_are_traced() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bastion.yaml"), TEMPLATE).expect("write");
    let out = preflight()
        .args(["check", "-f", "json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let finding = &report["findings"][0];
    assert_eq!(finding["rule_id"], "AWS-EC2-001");
    assert_eq!(finding["line"], 16);
    let trace = &finding["trace"][0];
    assert_eq!(trace["line"], 6, "{trace}");
    assert_eq!(
        trace["note"],
        "parameter SSHLocation defaults to `0.0.0.0/0`"
    );
    assert!(
        trace["hint"]
            .as_str()
            .is_some_and(|h| h.contains("--cfn-param SSHLocation=VALUE")),
        "{trace}"
    );

    let human = preflight()
        .arg("check")
        .arg(dir.path())
        .env("COLUMNS", "200")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("parameter SSHLocation defaults to `0.0.0.0/0`"),
        "{text}"
    );
    assert!(
        text.contains("pass --cfn-param SSHLocation=VALUE"),
        "{text}"
    );

    // With the deployed value given, the finding goes and so does the trace.
    let given = preflight()
        .args(["check", "--cfn-param", "SSHLocation=10.20.0.0/16"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(given.status.code(), Some(0));
}
