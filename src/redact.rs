//! Which parts of a source file hold secrets, so that no report prints them.
//!
//! A snippet shows the lines around a finding, and those lines may hold a password in a tfvars file, a
//! plan or a template. This module finds, in one pass over the text and without knowing the format,
//! the literal values written under a secret-sounding key (`password`, `secret`, `token`,
//! `private_key`…) or under a name the scan knows to be sensitive (a variable declared
//! `sensitive = true`, a CloudFormation parameter with `NoEcho`, a plan's `sensitive_values`), in
//! Terraform (`key = "…"`, heredocs), JSON (`"key": "…"`) and YAML (`key: …`, block scalars). Under
//! such a name, a nested `default` or `value` is secret too (`variable "db_password" { default = … }`,
//! a NoEcho parameter's `Default:`).
//!
//! It is lexical on purpose: it must work on every file, broken ones included, and it errs on the side
//! of hiding. References (`var.x`, `!Ref X`, `{"Ref": …}`) are not literals and stay visible.
//!
//! Knows nothing of findings or formats.

use std::collections::BTreeSet;
use std::ops::Range;

/// Whether a key or variable name says its value is a secret.
pub fn is_secret_name(name: &str) -> bool {
    let key: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    const WORDS: [&str; 11] = [
        "password",
        "passwd",
        "passphrase",
        "secret",
        "token",
        "privatekey",
        "apikey",
        "credential",
        "connectionstring",
        "authkey",
        "sastoken",
    ];
    // Names of secrets rather than secrets: `secret_arn`, `password_length`, `token_id`.
    const NOT: [&str; 8] = [
        "arn", "id", "ids", "name", "length", "version", "type", "policy",
    ];
    WORDS.iter().any(|w| key.contains(w)) && !NOT.iter().any(|s| key.ends_with(s))
}

/// Byte ranges of `text` holding secret values, sorted and on character boundaries. `sensitive` are
/// names the scan knows to be sensitive beyond what their spelling says.
pub fn secret_ranges(text: &str, sensitive: &BTreeSet<String>) -> Vec<Range<usize>> {
    let mut lexer = Lexer::new(text, sensitive);
    lexer.run();
    lexer.out.sort_by_key(|r| r.start);
    lexer.out
}

/// What `text` declares sensitive, in two sets: names that are secret wherever they are set (Terraform
/// variables with `sensitive = true`, in native or JSON syntax or in a plan's configuration, and
/// CloudFormation parameters with `NoEcho: true`), and attribute names secret in this file only (a
/// plan's `sensitive_values`: `value` is secret in an SSM parameter, not in every tag).
pub fn sensitive_names(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    if !text.contains("sensitive") && !text.contains("NoEcho") {
        return Default::default();
    }
    let none = BTreeSet::new();
    let mut lexer = Lexer::new(text, &none);
    lexer.collect = true;
    lexer.run();
    (lexer.names, lexer.local_names)
}

/// Names declared sensitive anywhere in `sources` (the first set of [`sensitive_names`]): a
/// variable's value is secret in whichever file sets it.
pub fn declared_sensitive(sources: &crate::source::SourceMap) -> BTreeSet<String> {
    use rayon::prelude::*;
    let files: Vec<&crate::source::SourceFile> = sources.iter().map(|(_, f)| f).collect();
    files
        .par_iter()
        .map(|f| sensitive_names(&f.text).0)
        .reduce(BTreeSet::new, |mut a, mut b| {
            a.append(&mut b);
            a
        })
}

struct Lexer<'a> {
    b: &'a [u8],
    i: usize,
    sensitive: &'a BTreeSet<String>,
    out: Vec<Range<usize>>,
    /// Collecting declared names rather than masking.
    collect: bool,
    names: BTreeSet<String>,
    local_names: BTreeSet<String>,
    /// One entry per open `{`: whether it opened under a secret name, and the name it opened under
    /// (a key or a block label).
    braces: Vec<(bool, Option<String>)>,
    /// A YAML mapping under a secret key: its key's indentation.
    yaml_secret_indent: Option<usize>,
    /// YAML keys whose value is the mapping on the following lines, with their indentation.
    yaml_parents: Vec<(usize, String)>,
    /// The last word or string, while it may still turn out to be a key or a block label.
    key: Option<Range<usize>>,
    /// The last line start found by [`Lexer::line_start`], and the offset it was found for.
    line_cache: (usize, usize),
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str, sensitive: &'a BTreeSet<String>) -> Self {
        Lexer {
            b: text.as_bytes(),
            i: 0,
            sensitive,
            out: Vec::new(),
            collect: false,
            names: BTreeSet::new(),
            local_names: BTreeSet::new(),
            braces: Vec::new(),
            yaml_secret_indent: None,
            yaml_parents: Vec::new(),
            key: None,
            line_cache: (0, 0),
        }
    }

    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    fn in_secret_block(&self) -> bool {
        self.braces.last().is_some_and(|b| b.0) || self.yaml_secret_indent.is_some()
    }

    fn name(&self, token: &Range<usize>) -> String {
        String::from_utf8_lossy(&self.b[token.clone()])
            .trim_matches(|c| c == '"' || c == '\'')
            .to_string()
    }

    fn secret_key(&self, key: &Range<usize>) -> bool {
        let name = self.name(key);
        is_secret_name(&name)
            || self.sensitive.contains(&name)
            || (self.in_secret_block()
                && matches!(name.to_ascii_lowercase().as_str(), "default" | "value"))
    }

    /// Whether the value starting at `j` is the literal `true` (also quoted).
    fn is_true(&self, j: usize) -> bool {
        let rest = &self.b[j.min(self.b.len())..];
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        rest.len() >= 4
            && rest[..4].eq_ignore_ascii_case(b"true")
            && !rest.get(4).is_some_and(|&c| is_word(c))
    }

    /// Collecting: a key `name` whose value starts at `j` on the line starting at `line`.
    fn declare(&mut self, name: &str, j: usize, line: usize) {
        if !self.is_true(j) {
            return;
        }
        if name == "sensitive" || name.eq_ignore_ascii_case("noecho") {
            // The object the flag is in: a block label or key (`variable "x" {`, `"x": {`), or
            // the YAML key above it.
            let indent = self.line_indent(line);
            let parent = match self.braces.last() {
                Some((_, label)) => label.clone(),
                None => self
                    .yaml_parents
                    .iter()
                    .rev()
                    .find(|(i, _)| *i < indent)
                    .map(|(_, n)| n.clone()),
            };
            if let Some(parent) = parent {
                self.names.insert(parent);
            }
        } else if self
            .braces
            .iter()
            .any(|(_, l)| l.as_deref() == Some("sensitive_values"))
        {
            self.local_names.insert(name.to_string());
        }
    }

    fn line_indent(&self, line_start: usize) -> usize {
        self.b[line_start..]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count()
    }

    /// Start of the line holding `i`. Calls come with growing `i`, so the search back stops at the
    /// line start found last time: linear over a file, even one long line.
    fn line_start(&mut self, i: usize) -> usize {
        let (known, scanned) = self.line_cache;
        if i < scanned {
            // Not in order (never happens in one pass): search back to the file's start.
            return self.b[..i]
                .iter()
                .rposition(|&c| c == b'\n')
                .map_or(0, |p| p + 1);
        }
        let start = self.b[scanned..i]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(known, |p| scanned + p + 1);
        self.line_cache = (start, i);
        start
    }

    fn line_end(&self, i: usize) -> usize {
        self.b[i..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.b.len(), |p| i + p)
    }

    fn run(&mut self) {
        let mut line_begin = true;
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if line_begin {
                line_begin = false;
                let here = self.line_indent(self.i);
                let rest = self.at(self.i + here);
                if !matches!(rest, b'\n' | b'\r' | b'#' | 0) {
                    if self.yaml_secret_indent.is_some_and(|indent| here <= indent) {
                        self.yaml_secret_indent = None;
                    }
                    while self.yaml_parents.last().is_some_and(|p| p.0 >= here) {
                        self.yaml_parents.pop();
                    }
                }
            }
            match c {
                b'\n' => {
                    line_begin = true;
                    self.i += 1;
                }
                b'"' => {
                    let start = self.i;
                    let end = self.double_quoted(self.i);
                    self.i = end;
                    self.after_token(start..end);
                }
                b'\'' if self.opens_single_quote(self.i) => {
                    let start = self.i;
                    self.i = self.single_quoted(self.i);
                    let end = self.i;
                    self.after_token(start..end);
                }
                b'#' if self.i == 0 || matches!(self.b[self.i - 1], b' ' | b'\t' | b'\n') => {
                    self.i = self.line_end(self.i);
                }
                b'/' if self.at(self.i + 1) == b'*' => {
                    let from = self.i + 2;
                    self.i = find(self.b, from, b"*/").map_or(self.b.len(), |p| p + 2);
                }
                b'/' if self.at(self.i + 1) == b'/'
                    && (self.i == 0 || matches!(self.b[self.i - 1], b' ' | b'\t' | b'\n')) =>
                {
                    self.i = self.line_end(self.i);
                }
                b'{' => {
                    let key = self.key.take();
                    let secret = key.as_ref().is_some_and(|k| self.secret_key(k));
                    let inherited = self.in_secret_block();
                    let label = key.map(|k| self.name(&k));
                    self.braces.push((secret || inherited, label));
                    self.i += 1;
                }
                b'}' => {
                    self.braces.pop();
                    self.key = None;
                    self.i += 1;
                }
                c if is_word(c) => {
                    let start = self.i;
                    while self.i < self.b.len() && is_word(self.b[self.i]) {
                        self.i += 1;
                    }
                    let end = self.i;
                    self.after_token(start..end);
                }
                b' ' | b'\t' | b'\r' => self.i += 1,
                _ => {
                    self.key = None;
                    self.i += 1;
                }
            }
        }
    }

    /// A word or string was read: if a separator follows, it was a key and its value is judged.
    fn after_token(&mut self, token: Range<usize>) {
        let mut j = self.i;
        while matches!(self.at(j), b' ' | b'\t') {
            j += 1;
        }
        let sep = self.at(j);
        let quoted = matches!(self.b[token.start], b'"' | b'\'');
        let is_key = match sep {
            b'=' => !matches!(self.at(j + 1), b'=' | b'>'),
            b':' => quoted || matches!(self.at(j + 1), b' ' | b'\t' | b'\n' | b'\r' | 0),
            _ => false,
        };
        if !is_key {
            // A block label (`variable "x" {`) or a word before one.
            self.key = Some(token);
            return;
        }
        let key_line = self.line_start(token.start);
        let mut v = j + 1;
        while matches!(self.at(v), b' ' | b'\t') {
            v += 1;
        }
        if sep == b':' && matches!(self.at(v), b'\n' | b'\r' | 0) {
            let indent = self.line_indent(key_line);
            let name = self.name(&token);
            self.yaml_parents.push((indent, name));
        }
        if self.collect {
            let name = self.name(&token);
            self.declare(&name, v, key_line);
            // The key names the object that may follow.
            self.key = Some(token);
            self.i = j + 1;
            return;
        }
        if !self.secret_key(&token) {
            self.key = Some(token);
            self.i = j + 1;
            return;
        }
        self.key = None;
        self.i = j + 1;
        self.secret_value(sep, key_line);
    }

    /// Masks the literal value after a secret key's separator, leaving `self.i` after it.
    fn secret_value(&mut self, sep: u8, key_line: usize) {
        let mut j = self.i;
        while matches!(self.at(j), b' ' | b'\t') {
            j += 1;
        }
        match self.at(j) {
            b'"' => {
                let end = self.double_quoted(j);
                let closed = end > j + 1 && self.b[end - 1] == b'"';
                let inner = j + 1..if closed { end - 1 } else { end };
                let body = &self.b[inner.clone()];
                let reference = body.starts_with(b"${")
                    && body.ends_with(b"}")
                    && !body[2..].contains(&b'$')
                    && closed;
                if !reference && !inner.is_empty() {
                    self.out.push(inner);
                }
                self.i = end;
            }
            b'\'' => {
                let end = self.single_quoted(j);
                let closed = end > j + 1 && self.b[end - 1] == b'\'';
                let inner = j + 1..if closed { end - 1 } else { end };
                if !inner.is_empty() {
                    self.out.push(inner);
                }
                self.i = end;
            }
            b'<' if self.at(j + 1) == b'<' => {
                self.i = self.heredoc(j);
            }
            b'|' | b'>' if sep == b':' => {
                // A YAML block scalar: every following line indented deeper than the key.
                let indent = self.line_indent(key_line);
                let mut k = self.line_end(j);
                let body_start = (k + 1).min(self.b.len());
                let mut body_end = body_start;
                while k < self.b.len() {
                    let next = k + 1;
                    let end = self.line_end(next);
                    let blank = self.b[next..end].iter().all(|c| c.is_ascii_whitespace());
                    if !blank && self.line_indent(next) <= indent {
                        break;
                    }
                    if !blank {
                        body_end = end;
                    }
                    k = end;
                }
                if body_end > body_start {
                    self.out.push(body_start..body_end);
                }
                self.i = body_end.max(j + 1);
            }
            b'\n' | b'\r' | 0 if sep == b':' => {
                // A mapping under the secret key: its `Default`/`value` keys are secret.
                self.yaml_secret_indent = Some(self.line_indent(key_line));
                self.i = j;
            }
            b'{' | b'[' | b'!' | b'\n' | b'\r' | b'#' | 0 => {
                // Not a literal (an object, a list, a YAML tag): look inside as usual.
                if self.at(j) == b'{' {
                    self.braces.push((true, None));
                    self.i = j + 1;
                } else {
                    self.i = j;
                }
            }
            c if sep == b':' => {
                // A plain scalar (YAML) or a JSON number or literal: to the end of the line, a
                // comment, or the end of a flow collection.
                let _ = c;
                let mut end = j;
                while end < self.b.len()
                    && !matches!(self.b[end], b'\n' | b'\r' | b',' | b'}' | b']')
                    && !(self.b[end] == b'#' && matches!(self.b[end - 1], b' ' | b'\t'))
                {
                    end += 1;
                }
                let mut trimmed = end;
                while trimmed > j && matches!(self.b[trimmed - 1], b' ' | b'\t') {
                    trimmed -= 1;
                }
                let word = &self.b[j..trimmed];
                let constant = [&b"true"[..], b"false", b"null", b"~"]
                    .iter()
                    .any(|c| word.eq_ignore_ascii_case(c));
                if trimmed > j && !constant {
                    self.out.push(j..trimmed);
                }
                self.i = end;
            }
            c if c.is_ascii_digit() || c == b'-' => {
                // An HCL number; other bare words are expressions (`var.x`), not literals.
                let mut end = j + 1;
                while end < self.b.len()
                    && (self.b[end].is_ascii_alphanumeric() || matches!(self.b[end], b'.' | b'_'))
                {
                    end += 1;
                }
                self.out.push(j..end);
                self.i = end;
            }
            _ => self.i = j,
        }
    }

    /// Whether a `'` opens a YAML single-quoted scalar (not an apostrophe in a word), closed on its line.
    /// (Looked for within [`MAX_QUOTED`] bytes, so a long line of apostrophes stays linear.)
    fn opens_single_quote(&self, i: usize) -> bool {
        let before = if i == 0 { b'\n' } else { self.b[i - 1] };
        matches!(
            before,
            b' ' | b'\t' | b'\n' | b':' | b'[' | b'{' | b',' | b'-'
        ) && self.b[i + 1..self.quoted_end(i)].contains(&b'\'')
    }

    /// Where a single-quoted scalar at `i` must have ended: its line, at most [`MAX_QUOTED`] bytes.
    fn quoted_end(&self, i: usize) -> usize {
        let limit = (i + MAX_QUOTED).min(self.b.len());
        self.b[i..limit]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(limit, |p| i + p)
    }

    /// End (exclusive) of the single-quoted scalar at `i` (`''` is an escaped quote).
    fn single_quoted(&self, i: usize) -> usize {
        let end = self.quoted_end(i);
        let mut k = i + 1;
        while k < end {
            if self.b[k] == b'\'' {
                if self.at(k + 1) == b'\'' {
                    k += 2;
                    continue;
                }
                return k + 1;
            }
            k += 1;
        }
        end
    }

    /// End (exclusive) of the double-quoted string at `i`, skipping escapes and `${…}` / `%{…}`
    /// interpolations with their own strings (an explicit stack: no recursion on input).
    fn double_quoted(&self, i: usize) -> usize {
        // Each entry: true = inside a string, false = inside an interpolation (with its brace depth).
        let mut stack: Vec<(bool, usize)> = vec![(true, 0)];
        let mut k = i + 1;
        while k < self.b.len() {
            let c = self.b[k];
            let Some(top) = stack.last_mut() else { break };
            if top.0 {
                match c {
                    b'\\' => k += 1,
                    b'"' => {
                        stack.pop();
                        if stack.is_empty() {
                            return k + 1;
                        }
                    }
                    b'$' | b'%' if self.at(k + 1) == b'{' => {
                        stack.push((false, 1));
                        k += 1;
                    }
                    // A JSON or YAML string ends at its line (an unclosed quote must not swallow the file).
                    b'\n' if stack.len() == 1 => return k,
                    _ => {}
                }
            } else {
                match c {
                    b'{' => top.1 += 1,
                    b'}' => {
                        top.1 -= 1;
                        if top.1 == 0 {
                            stack.pop();
                        }
                    }
                    b'"' => stack.push((true, 0)),
                    _ => {}
                }
            }
            k += 1;
        }
        self.b.len()
    }

    /// Masks a heredoc body (`<<EOF` / `<<-EOF` … `EOF`) and returns the offset after it.
    fn heredoc(&mut self, i: usize) -> usize {
        let mut k = i + 2;
        if self.at(k) == b'-' {
            k += 1;
        }
        let start = k;
        while k < self.b.len() && is_word(self.b[k]) {
            k += 1;
        }
        let marker = &self.b[start..k];
        if marker.is_empty() {
            return k;
        }
        let body_start = (self.line_end(k) + 1).min(self.b.len());
        let mut line = body_start;
        while line < self.b.len() {
            let end = self.line_end(line);
            let trimmed = self.b[line..end].trim_ascii();
            if trimmed == marker {
                if end > body_start && line > body_start {
                    self.out.push(body_start..line - 1);
                }
                return end;
            }
            line = end + 1;
        }
        if self.b.len() > body_start {
            self.out.push(body_start..self.b.len());
        }
        self.b.len()
    }
}

/// Longest single-quoted scalar looked for, in bytes.
const MAX_QUOTED: usize = 4096;

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.') || c >= 0x80
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str, sensitive: &[&str]) -> Vec<&'static str> {
        let names = sensitive.iter().map(|s| s.to_string()).collect();
        let ranges = secret_ranges(text, &names);
        ranges
            .into_iter()
            .map(|r| &*text[r].to_string().leak())
            .collect()
    }

    #[test]
    fn names_that_say_secret() {
        for yes in [
            "password",
            "db_password",
            "MasterUserPassword",
            "secret_key",
            "client_secret",
            "api-key",
            "auth_token",
            "private_key_pem",
        ] {
            assert!(is_secret_name(yes), "{yes}");
        }
        for no in [
            "bucket",
            "secret_arn",
            "password_length",
            "token_id",
            "kms_key_id",
            "acl",
        ] {
            assert!(!is_secret_name(no), "{no}");
        }
    }

    #[test]
    fn terraform_values_under_secret_names() {
        let text = "db_password = \"hunter2\"\nacl = \"public-read\"\nuser = var.db_password\nport_token = 1234\n";
        assert_eq!(masked(text, &[]), ["hunter2", "1234"]);
        // A reference is not a secret; an interpolation inside text may be.
        assert!(masked("password = \"${var.p}\"\n", &[]).is_empty());
        assert_eq!(masked("password = \"x-${var.p}\"\n", &[]), ["x-${var.p}"]);
        // Declared sensitive: the tfvars line and the variable's default.
        let decl = "variable \"db_pw\" {\n  sensitive = true\n  default = \"s3cr3t\"\n}\nvariable \"other\" {\n  default = \"seen\"\n}\n";
        assert_eq!(masked(decl, &["db_pw"]), ["s3cr3t"]);
        assert_eq!(masked("db_pw = \"abc\"\n", &["db_pw"]), ["abc"]);
        // Secret-sounding variable name: its default is hidden without a declaration.
        assert_eq!(
            masked("variable \"db_password\" {\n  default = \"pw\"\n}\n", &[]),
            ["pw"]
        );
        let heredoc = "private_key = <<EOF\n-----BEGIN KEY-----\nabc\nEOF\nacl = \"x\"\n";
        assert_eq!(masked(heredoc, &[]), ["-----BEGIN KEY-----\nabc"]);
        // A comment or a string mentioning the word is not a key.
        assert!(masked("# password = \"not-a-value\"\nx = \"password\"\n", &[]).is_empty());
    }

    #[test]
    fn json_and_plans_on_one_line() {
        let text = r#"{"values":{"acl":"private","password":"p\"w","port":5432,"secret_string":{"Ref":"X"}},"variables":{"k":{"value":"v1"}}}"#;
        assert_eq!(masked(text, &["k"]), [r#"p\"w"#, "v1"]);
        assert_eq!(masked(r#"{"token": 12345}"#, &[]), ["12345"]);
    }

    #[test]
    fn yaml_values_block_scalars_and_noecho_defaults() {
        let text = "Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: hunter2 # comment\n  Env:\n    Default: prod\nResources:\n  X:\n    Properties:\n      MasterUserPassword: 'it''s'\n      PrivateKey: |\n        line one\n        line two\n      Name: visible\n";
        assert_eq!(
            masked(text, &[]),
            ["hunter2", "it''s", "        line one\n        line two"]
        );
        assert!(masked("Password: !Ref DBPassword\n", &[]).is_empty());
    }

    #[test]
    fn declared_sensitive_names() {
        let tf = "variable \"db_pw\" {\n  type = string\n  sensitive = true\n}\nvariable \"open\" {\n  sensitive = false\n}\n";
        assert_eq!(sensitive_names(tf).0, BTreeSet::from(["db_pw".to_string()]));
        let json = r#"{"variable":{"k1":{"sensitive":true},"k2":{"type":"string"}}}"#;
        assert_eq!(sensitive_names(json).0, BTreeSet::from(["k1".to_string()]));
        let cfn = "Parameters:\n  Pw:\n    Type: String\n    NoEcho: 'true'\n  Env:\n    Type: String\nResources: {}\n";
        assert_eq!(sensitive_names(cfn).0, BTreeSet::from(["Pw".to_string()]));
        let plan = r#"{"values":{"value":"s","name":"n"},"sensitive_values":{"value":true,"tags":{}},"configuration":{"root_module":{"variables":{"token_x":{"sensitive":true}}}}}"#;
        let (global, local) = sensitive_names(plan);
        assert_eq!(global, BTreeSet::from(["token_x".to_string()]));
        assert_eq!(local, BTreeSet::from(["value".to_string()]));
        assert_eq!(masked(plan, &["value"]), ["s"]);
    }

    #[test]
    fn broken_input_never_panics() {
        for text in [
            "\"",
            "password = \"",
            "password = <<",
            "password = <<EOF\nno end",
            "a: |",
            "password:",
            "'",
            "x = \"${\"",
            "}}}}",
            "password = -",
            "é\"password\": \"ü",
            "sensitive = true",
            "NoEcho: true\n  x:",
            "{\"sensitive_values\": {\"a\": true",
        ] {
            let _ = secret_ranges(text, &BTreeSet::new());
            let _ = sensitive_names(text);
        }
    }
}
