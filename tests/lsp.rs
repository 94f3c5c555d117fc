//! `preflight lsp` spoken to over JSON-RPC, as an editor does: a child process, Content-Length framed
//! messages on stdin and stdout.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages read while waiting for something else.
    seen: Vec<Value>,
    next_id: i64,
}

const WAIT: Duration = Duration::from_secs(60);

impl Client {
    fn start(root: &Path, options: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_preflight"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().expect("length");
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            incoming,
            seen: Vec::new(),
            next_id: 1,
        };
        let uri = url(root);
        let r = c.request(
            "initialize",
            json!({"processId": null, "rootUri": uri, "capabilities": {}, "initializationOptions": options}),
        );
        assert!(
            r["result"]["capabilities"]["hoverProvider"] == json!(true),
            "{r}"
        );
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, v: &Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    /// The first message (already seen or still to come) that `pred` accepts; taken out.
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&pred) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(m) if pred(&m) => return m,
                Ok(m) => self.seen.push(m),
                Err(RecvTimeoutError::Timeout) => panic!("timed out; seen: {:#?}", self.seen),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("server gone; seen: {:#?}", self.seen)
                }
            }
        }
    }

    /// The next diagnostics published for `uri` (older ones already seen are dropped).
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let is = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        self.seen.retain(|m| !is(m));
        let m = self.wait(is);
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Diagnostics for `uri` until `pred` holds for the list.
    fn diagnostics_until(&mut self, uri: &str, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + WAIT;
        loop {
            let d = self.diagnostics(uri);
            if pred(&d) {
                return d;
            }
            assert!(Instant::now() < deadline, "never: {d:#?}");
        }
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn stop(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn url(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("preflight-lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    d.canonicalize().expect("canonical")
}

fn codes(d: &[Value]) -> Vec<String> {
    d.iter()
        .filter_map(|x| x["code"].as_str().map(str::to_string))
        .collect()
}

fn has(d: &[Value], code: &str) -> bool {
    codes(d).iter().any(|c| c == code)
}

/// Applies LSP text edits (UTF-16 positions) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| {
        let line = pos["line"].as_u64().expect("line") as usize;
        let ch = pos["character"].as_u64().expect("character") as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().expect("text").to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

const BUCKET: &str = "resource \"aws_s3_bucket\" \"data\" {\n  bucket = \"café-data\"\n  /* é😀 */ acl = \"public-read\"\n}\n";

#[test]
fn diagnostics_follow_unsaved_edits_with_utf16_ranges() {
    let d = dir("edits");
    let main = d.join("main.tf");
    // On disk the bucket is private: what counts is the buffer.
    std::fs::write(&main, BUCKET.replace("public-read", "private")).expect("write");
    let uri = url(&main);
    let mut c = Client::start(&d, json!({}));
    c.open(&uri, BUCKET);
    let diags = c.diagnostics_until(&uri, |d| has(d, "AWS-S3-001"));
    let s3 = diags
        .iter()
        .find(|x| x["code"] == "AWS-S3-001")
        .expect("finding");
    // Line 2, after `  /* é😀 */ `: é is one UTF-16 unit, 😀 two; 12 units in all.
    assert_eq!(
        s3["range"]["start"],
        json!({"line": 2, "character": 12}),
        "{s3}"
    );
    assert_eq!(
        s3["range"]["end"],
        json!({"line": 2, "character": 31}),
        "{s3}"
    );
    assert_eq!(s3["source"], "preflight");
    assert_eq!(s3["severity"], 1);
    assert!(s3["codeDescription"]["href"]
        .as_str()
        .is_some_and(|h| h.ends_with("rules.md#aws-s3-001")));
    assert!(s3["message"].as_str().is_some_and(|m| m.contains("`data`")));

    // Fixed in the buffer, not saved: the finding goes.
    c.change(&uri, 2, &BUCKET.replace("public-read", "private"));
    c.diagnostics_until(&uri, |d| !has(d, "AWS-S3-001"));
    // Broken again.
    c.change(&uri, 3, BUCKET);
    c.diagnostics_until(&uri, |d| has(d, "AWS-S3-001"));

    // Half-typed and garbage text: a parse error, and the server keeps answering.
    c.change(&uri, 4, "resource \"aws_s3_bucket\" \"data\" {\n  acl = \n");
    let d2 = c.diagnostics_until(&uri, |d| !d.is_empty());
    assert!(
        d2.iter().all(|x| x["severity"] == 1 && x["code"].is_null()),
        "{d2:#?}"
    );
    c.change(&uri, 5, "\u{0}\u{1}}}}{{{ \"\"\" <<<EOF ${ é");
    c.diagnostics(&uri);
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert!(r.get("error").is_none(), "{r}");
    c.stop();
}

#[test]
fn a_tfvars_edit_republishes_the_module() {
    let d = dir("tfvars");
    let main = d.join("main.tf");
    let vars = d.join("terraform.tfvars");
    let main_text = "variable \"acl\" {\n  type = string\n}\n\nresource \"aws_s3_bucket\" \"data\" {\n  bucket = \"data\"\n  acl    = var.acl\n}\n";
    std::fs::write(&main, main_text).expect("write");
    std::fs::write(&vars, "acl = \"public-read\"\n").expect("write");
    let (main_uri, vars_uri) = (url(&main), url(&vars));
    let mut c = Client::start(&d, json!({}));
    c.open(&main_uri, main_text);
    let diags = c.diagnostics_until(&main_uri, |d| has(d, "AWS-S3-001"));
    let s3 = diags
        .iter()
        .find(|x| x["code"] == "AWS-S3-001")
        .expect("finding");
    // The trace: the tfvars line that set the value.
    let related = s3["relatedInformation"].as_array().expect("related");
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == vars_uri.as_str()
                && r["location"]["range"]["start"]["line"] == 0),
        "{related:#?}"
    );
    // Hover on the attribute: the rule and where the value came from.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": main_uri}, "position": {"line": 6, "character": 4}}),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(text.contains("AWS-S3-001"), "{hover}");
    assert!(text.contains("terraform.tfvars:1"), "{hover}");

    // Editing the variable file (unsaved) updates main.tf's diagnostics.
    c.open(&vars_uri, "acl = \"public-read\"\n");
    c.change(&vars_uri, 2, "acl = \"private\"\n");
    c.diagnostics_until(&main_uri, |d| !has(d, "AWS-S3-001"));
    c.change(&vars_uri, 3, "acl = \"public-read-write\"\n");
    c.diagnostics_until(&main_uri, |d| has(d, "AWS-S3-001"));
    c.stop();
}

#[test]
fn code_actions_fix_and_suppress() {
    let d = dir("actions");
    let main = d.join("main.tf");
    let text = "resource \"aws_db_instance\" \"db\" {\n  engine = \"postgres\"\n}\n";
    std::fs::write(&main, text).expect("write");
    let uri = url(&main);
    let mut c = Client::start(&d, json!({}));
    c.open(&uri, text);
    let diags = c.diagnostics_until(&uri, |d| has(d, "AWS-RDS-001"));
    let rds = diags
        .iter()
        .find(|x| x["code"] == "AWS-RDS-001")
        .expect("finding")
        .clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": rds["range"], "context": {"diagnostics": [rds]}}),
    );
    let list = actions["result"].as_array().expect("actions").clone();
    let titled = |start: &str| {
        list.iter()
            .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with(start)))
            .unwrap_or_else(|| panic!("no `{start}` in {list:#?}"))
            .clone()
    };
    let fix = titled("Fix AWS-RDS-001");
    let suppress = titled("Suppress AWS-RDS-001 here");
    assert_eq!(fix["kind"], "quickfix");

    // The fix, applied as the editor would: the finding goes, and the file has none left.
    let fixed = apply(
        text,
        fix["edit"]["changes"][uri.as_str()]
            .as_array()
            .expect("edits"),
    );
    assert!(fixed.contains("storage_encrypted = true"), "{fixed}");
    c.change(&uri, 2, &fixed);
    c.diagnostics_until(&uri, |d| d.is_empty());

    // Broken again, then suppressed with the directive the action writes.
    c.change(&uri, 3, text);
    c.diagnostics_until(&uri, |d| has(d, "AWS-RDS-001"));
    let suppressed = apply(
        text,
        suppress["edit"]["changes"][uri.as_str()]
            .as_array()
            .expect("edits"),
    );
    assert!(
        suppressed.starts_with("# preflight:ignore AWS-RDS-001 -- "),
        "{suppressed}"
    );
    c.change(&uri, 4, &suppressed);
    c.diagnostics_until(&uri, |d| !has(d, "AWS-RDS-001"));
    c.stop();
}

#[test]
fn terraform_json_suppression_uses_a_comment_property() {
    let d = dir("json");
    let main = d.join("main.tf.json");
    let text = "{\n  \"resource\": {\n    \"aws_db_instance\": {\n      \"db\": {\n        \"engine\": \"postgres\"\n      }\n    }\n  }\n}\n";
    std::fs::write(&main, text).expect("write");
    let uri = url(&main);
    let mut c = Client::start(&d, json!({}));
    c.open(&uri, text);
    let diags = c.diagnostics_until(&uri, |d| has(d, "AWS-RDS-001"));
    let rds = diags
        .iter()
        .find(|x| x["code"] == "AWS-RDS-001")
        .expect("finding")
        .clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": rds["range"], "context": {"diagnostics": [rds]}}),
    );
    let list = actions["result"].as_array().expect("actions").clone();
    for prefix in ["Suppress AWS-RDS-001", "Fix AWS-RDS-001"] {
        let action = list
            .iter()
            .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with(prefix)))
            .unwrap_or_else(|| panic!("no {prefix} in {list:#?}"));
        let edited = apply(
            text,
            action["edit"]["changes"][uri.as_str()]
                .as_array()
                .expect("edits"),
        );
        serde_json::from_str::<Value>(&edited).unwrap_or_else(|e| panic!("{e}: {edited}"));
        c.change(&uri, 2, &edited);
        c.diagnostics_until(&uri, |d| !has(d, "AWS-RDS-001"));
        c.change(&uri, 3, text);
        c.diagnostics_until(&uri, |d| has(d, "AWS-RDS-001"));
    }
    c.stop();
}

#[test]
fn cloudformation_yaml_and_settings() {
    let d = dir("cfn");
    let tpl = d.join("template.yaml");
    let text = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Encrypt:\n    Type: String\nConditions:\n  On: !Equals [!Ref Encrypt, 'yes']\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: !If [On, true, false]\n";
    std::fs::write(&tpl, text).expect("write");
    let uri = url(&tpl);
    let mut c = Client::start(&d, json!({"cfnParams": {"Encrypt": "no"}}));
    c.open(&uri, text);
    c.diagnostics_until(&uri, |d| has(d, "AWS-RDS-001"));
    // A parameter given in the settings decides the condition.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"preflight": {"cfnParams": {"Encrypt": "yes"}}}}),
    );
    c.diagnostics_until(&uri, |d| !has(d, "AWS-RDS-001"));
    c.stop();
}

#[test]
fn the_projects_preflight_toml_applies() {
    let d = dir("project");
    let main = d.join("main.tf");
    let text = "variable \"acl\" {\n  type = string\n}\n\nresource \"aws_s3_bucket\" \"data\" {\n  bucket = \"data\"\n  acl    = var.acl\n}\n\nresource \"aws_ebs_volume\" \"scratch\" {\n  availability_zone = \"eu-west-1a\"\n  size              = 10\n}\n";
    std::fs::write(&main, text).expect("write");
    std::fs::create_dir_all(d.join("env")).expect("dir");
    std::fs::write(d.join("env/prod.tfvars"), "acl = \"public-read\"\n").expect("write");
    // The same keys the command line reads: a variable file, and a rule family left out.
    std::fs::write(
        d.join("preflight.toml"),
        "var-files = [\"env/prod.tfvars\"]\nignore = [\"AWS-EBS\"]\n",
    )
    .expect("write");
    let uri = url(&main);
    let mut c = Client::start(&d, json!({}));
    c.open(&uri, text);
    let diags = c.diagnostics_until(&uri, |d| has(d, "AWS-S3-001"));
    assert!(
        !codes(&diags).iter().any(|c| c.starts_with("AWS-EBS")),
        "{:?}",
        codes(&diags)
    );
    c.stop();
}

/// The actions offered for the first diagnostic `code` of `uri`: (fix edits, suppression edits).
fn actions_for(c: &mut Client, uri: &str, code: &str) -> (Option<Vec<Value>>, Vec<Value>) {
    let diags = c.diagnostics_until(uri, |d| has(d, code));
    let diag = diags
        .iter()
        .find(|x| x["code"] == code)
        .expect("finding")
        .clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}}),
    );
    let list = actions["result"].as_array().expect("actions").clone();
    let edits = |prefix: &str| {
        list.iter()
            .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with(prefix)))
            .and_then(|a| a["edit"]["changes"][uri].as_array().cloned())
    };
    let fix = edits(&format!("Fix {code}"));
    let suppress = edits(&format!("Suppress {code} here")).expect("a suppression");
    (fix, suppress)
}

#[test]
fn cloudformation_quick_fixes_and_metadata_suppressions() {
    let d = dir("cfn-actions");
    // YAML: the property left out (added under Properties) and written false (replaced).
    let yaml = d.join("template.yaml");
    let text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n  Scratch:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 10\n      Encrypted: false\n";
    std::fs::write(&yaml, text).expect("write");
    let uri = url(&yaml);
    let mut c = Client::start(&d, json!({}));
    c.open(&uri, text);
    let (fix, _) = actions_for(&mut c, &uri, "AWS-RDS-001");
    let fixed = apply(text, &fix.expect("a fix for the missing property"));
    assert!(
        fixed.contains("    Properties:\n      StorageEncrypted: true\n      Engine: postgres\n"),
        "{fixed}"
    );
    c.change(&uri, 2, &fixed);
    let (fix, _) = actions_for(&mut c, &uri, "AWS-EBS-001");
    let fixed = apply(&fixed, &fix.expect("a fix for the written property"));
    assert!(fixed.contains("      Encrypted: true\n"), "{fixed}");
    c.change(&uri, 3, &fixed);
    c.diagnostics_until(&uri, |d| !has(d, "AWS-RDS-001") && !has(d, "AWS-EBS-001"));

    // JSON: a Properties object made for a resource without one; the suppression goes in Metadata,
    // since a resource takes no `"//"` member.
    let json_path = d.join("template.json");
    let text = "{\n  \"Resources\": {\n    \"Vol\": {\n      \"Type\": \"AWS::EC2::Volume\"\n    }\n  }\n}\n";
    std::fs::write(&json_path, text).expect("write");
    let uri = url(&json_path);
    c.open(&uri, text);
    let (fix, suppress) = actions_for(&mut c, &uri, "AWS-EBS-001");
    let fixed = apply(text, &fix.expect("a fix"));
    let parsed: Value = serde_json::from_str(&fixed).expect("still JSON");
    assert_eq!(parsed["Resources"]["Vol"]["Properties"]["Encrypted"], true);
    let suppressed = apply(text, &suppress);
    let parsed: Value = serde_json::from_str(&suppressed).expect("still JSON");
    assert!(
        parsed["Resources"]["Vol"]["Metadata"]["preflight"]["ignore"][0]
            .as_str()
            .is_some_and(|e| e.starts_with("AWS-EBS-001 -- ")),
        "{suppressed}"
    );
    c.change(&uri, 2, &suppressed);
    c.diagnostics_until(&uri, |d| !has(d, "AWS-EBS-001"));
    c.stop();
}

/// A finding on a policy that `file()` reads stays at the attribute that reads it in an editor: the
/// JSON file may be open with other text, and a suppression comment cannot go into it.
#[test]
fn a_policy_read_with_file_is_reported_at_the_attribute() {
    let d = dir("readfile");
    let main = d.join("main.tf");
    let text = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n\nresource \"aws_s3_bucket_policy\" \"b\" {\n  bucket = aws_s3_bucket.b.id\n  policy = file(\"${path.module}/policy.json\")\n}\n";
    std::fs::write(&main, text).expect("write");
    std::fs::write(
        d.join("policy.json"),
        "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}\n  ]\n}\n",
    )
    .expect("write");
    let uri = url(&main);
    let mut c = Client::start(&d, json!({}));
    c.open(&uri, text);
    let diags = c.diagnostics_until(&uri, |d| has(d, "AWS-S3-003"));
    let public = diags
        .iter()
        .find(|x| x["code"] == "AWS-S3-003")
        .expect("finding");
    assert_eq!(public["range"]["start"]["line"], 6, "{public}");
    assert!(
        !c.seen.iter().any(|m| m["params"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with("policy.json"))),
        "diagnostics published for the JSON file: {:#?}",
        c.seen
    );
    c.stop();
}
