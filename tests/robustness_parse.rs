//! Robustness of the Terraform parser (issue #9 item 5): an object literal with tens of thousands
//! of keys parses in linear time (hcl-edit is patched, see vendor/hcl-edit/PATCHED.md), and the
//! patch tells redefined keys exactly as before; a redefined key now replaces the earlier value
//! (the last one wins, as in HCL's object constructor).

use hcl_edit::expr::{Expression, ObjectKey};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// Runs `preflight check --format json <dir>` under a 4 GB address-space cap.
fn check_capped(dir: &Path) -> (Value, i32) {
    let bin = assert_cmd::cargo::cargo_bin("preflight");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4000000; exec \"$0\" check --format json \"$1\"")
        .arg(&bin)
        .arg(dir)
        .env("NO_COLOR", "1")
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
    (v, out.status.code().expect("exit code"))
}

const PUBLIC_BUCKET: &str = r#"
resource "aws_s3_bucket" "b" {
  bucket = "x"
  acl    = "public-read"
}
"#;

fn rule_ids(v: &Value) -> Vec<&str> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        // (Not the low default-encryption finding every bucket without a setting gets.)
        .filter(|f| f["rule_id"] != "AWS-S3-006")
        .filter_map(|f| f["rule_id"].as_str())
        .collect()
}

/// Writes `main.tf` with a local holding an object literal with the given key lines, followed by
/// a public bucket, and checks it: no error, the bucket's finding, exit 1.
fn assert_big_object_checks(keys: impl Iterator<Item = String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut tf = String::from("locals {\n  big = {\n");
    for key in keys {
        writeln!(tf, "    {key}").expect("write");
    }
    tf.push_str("  }\n}\n");
    tf.push_str(PUBLIC_BUCKET);
    std::fs::write(dir.path().join("main.tf"), &tf).expect("write");
    let (v, code) = check_capped(dir.path());
    assert_eq!(v["errors"], serde_json::json!([]), "{}", v["errors"]);
    assert_eq!(rule_ids(&v), ["AWS-S3-001"], "{v}");
    assert_eq!(code, 1);
}

#[test]
fn object_literal_with_60000_keys_parses() {
    // About 1 MB. Unpatched hcl-edit compared every key with all earlier ones: 1.8 billion
    // comparisons, over a minute in a debug build.
    assert_big_object_checks((0..60_000).map(|i| format!("k{i:05} = {i}")));
}

#[test]
fn object_literal_with_20000_non_identifier_keys_parses() {
    // Keys of the other kinds that have their own hash: strings, numbers, templates, traversals,
    // parenthesized expressions.
    assert_big_object_checks((0..20_000).map(|i| match i % 5 {
        0 => format!("\"s{i}\" = {i}"),
        1 => format!("{i} = {i}"),
        2 => format!("\"${{a}}-{i}\" = {i}"),
        3 => format!("(var.m[\"k{i}\"]) = {i}"),
        _ => format!("(v{i}) = {i}"),
    }));
}

#[test]
fn a_redefined_object_key_replaces_the_earlier_value() {
    // HCL's object constructor keeps the last value of a redefined key (Terraform accepts such
    // literals: terraform-aws-alb's examples write `port = 80` twice). The file is scanned, not
    // rejected, and the value read is the last one.
    // Each case: keys before the redefinition (none of them equal), then the redefined key.
    let cases: &[(&[&str], &str)] = &[
        (&["a", "\"a\"", "b"], "a"),
        (&["\"a\"", "a", "b"], "\"a\""),
        (&["1", "\"1\""], "1.0"),
        (&["-0.0"], "0"),
        (&["true", "\"true\""], "true"),
        (&["null", "\"null\""], "null"),
        (&["\"${x}\"", "\"${y}\""], "\"${ x }\""),
        (&["(a)", "a"], "( a )"),
        (&["var.m[\"k\"]", "var.m[\"j\"]"], "var.m[ \"k\" ]"),
        (&["(var.m.k)", "(var.m.j)"], "(var.m.k)"),
        (&["f(1)", "f(2)"], "f(1)"),
        (&["[1, 2]", "[2, 1]"], "[1,2]"),
    ];
    for (before, redefined) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut tf = String::from("locals {\n  o = {\n");
        for key in *before {
            writeln!(tf, "    {key} = 1").expect("write");
        }
        writeln!(tf, "    {redefined} = 2\n  }}\n}}").expect("write");
        tf.push_str(PUBLIC_BUCKET);
        std::fs::write(dir.path().join("main.tf"), &tf).expect("write");
        let (v, code) = check_capped(dir.path());
        assert_eq!(v["errors"], serde_json::json!([]), "{tf}\n{v}");
        assert_eq!(rule_ids(&v), ["AWS-S3-001"], "{tf}\n{v}");
        assert_eq!(code, 1, "{tf}\n{v}");
    }
    // The value read is the last one written.
    let dir = tempfile::tempdir().expect("tempdir");
    let tf = "locals {\n  acls = {\n    logs = \"private\"\n    logs = \"public-read\"\n  }\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  acl    = local.acls.logs\n}\n";
    std::fs::write(dir.path().join("main.tf"), tf).expect("write");
    let (v, code) = check_capped(dir.path());
    assert_eq!(rule_ids(&v), ["AWS-S3-001"], "{v}");
    assert_eq!(code, 1);
}

/// The key of the one-item object literal `{ <source> = 1 }`.
fn parse_key(source: &str) -> ObjectKey {
    let expr = hcl_edit::parser::parse_expr(&format!("{{\n{source} = 1\n}}")).expect(source);
    let Expression::Object(object) = expr else {
        panic!("{source}: not an object");
    };
    let (key, _) = object.iter().next().expect(source);
    key.clone()
}

#[test]
fn redefined_keys_are_exactly_the_equal_keys_and_the_last_value_wins() {
    // The patched parser must treat a key as redefined exactly when `ObjectKey`'s `PartialEq` finds
    // an equal earlier key (as unpatched hcl-edit's `Object::contains_key` did); the later value then
    // replaces the earlier one.
    let sources = [
        "a",
        "b",
        "\"a\"",
        "\"b\"",
        "\"\"",
        "1",
        "1.0",
        "1e0",
        "2",
        "0",
        "-0",
        "0.0",
        "-0.0",
        "1.5",
        "18446744073709551615",
        "18446744073709551616",
        "true",
        "false",
        "\"true\"",
        "null",
        "(a)",
        "(\"a\")",
        "((a))",
        "(1)",
        "\"${a}\"",
        "\"${ a }\"",
        "\"${b}\"",
        "\"x${a}\"",
        "\"${a}x\"",
        "\"%{if a}x%{endif}\"",
        "a.b",
        "a.c",
        "a[0]",
        "a.0",
        "a[\"b\"]",
        "a[*].b",
        "a.*.b",
        "f(a)",
        "[a]",
        "{a = 1}",
        "a ? b : c",
        "-a",
        "a + b",
        "[for x in a : x]",
        "9007199254740992",
        "9007199254740993",
        "9007199254740992.5",
        "-9007199254740993",
    ];
    let keys: Vec<ObjectKey> = sources.iter().map(|s| parse_key(s)).collect();
    for (i, first) in sources.iter().enumerate() {
        for (j, second) in sources.iter().enumerate() {
            // A third key between them, so the check is not only against the latest key.
            let object = format!("{{\n{first} = 1\nzzz = 2\n{second} = 3\n}}");
            let parsed = hcl_edit::parser::parse_expr(&object);
            let Ok(Expression::Object(parsed)) = parsed else {
                panic!("{object}: {parsed:?}");
            };
            let values: Vec<String> = parsed
                .iter()
                .map(|(_, v)| v.expr().to_string().trim().to_string())
                .collect();
            if keys[i] == keys[j] {
                // The first item keeps its place and takes the last value.
                assert_eq!(values, ["3", "2"], "{object}");
            } else {
                assert_eq!(values, ["1", "2", "3"], "{object}");
            }
        }
    }
}

#[test]
fn an_object_for_expression_value_may_go_on_after_a_line_break() {
    // Terraform reads the key and the value of an object `for` expression with newlines allowed, as
    // in a list one (hcl-edit is patched, see vendor/hcl-edit/PATCHED.md): a conditional or an
    // operator may start on the next line, and `if` may follow on its own line.
    let dir = tempfile::tempdir().expect("tempdir");
    let tf = "variable \"public\" {\n  default = true\n}\nlocals {\n  acls = { for k in [\"logs\"] : k =>\n    var.public\n    ? \"public-read\"\n    : \"private\"\n  }\n  open = { for k in [\"logs\"] :\n    k => var.public &&\n    true\n    if k != \"\"\n  }\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  acl    = local.open.logs ? local.acls.logs : \"private\"\n}\n";
    std::fs::write(dir.path().join("main.tf"), tf).expect("write");
    let (v, code) = check_capped(dir.path());
    assert_eq!(v["errors"], serde_json::json!([]), "{v}");
    assert_eq!(rule_ids(&v), ["AWS-S3-001"], "{v}");
    assert_eq!(code, 1);
}
