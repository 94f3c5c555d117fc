//! Suppressing findings: inline directives in comments, and CloudFormation resources'
//! `Metadata.preflight.ignore`.
//!
//! `# preflight:ignore AWS-S3-001, AWS-S3-002 -- reason exp:2027-01-31` (or `//`) applies to findings on
//! its own line (a trailing comment) and on the next line; placed on or above a block's header it
//! applies to every finding of that block's resource. JSON has no comments: there a `"//"` property
//! holds the directive and covers the object it is in (first in a Terraform resource's object, the whole
//! resource). A directive that suppresses nothing, or whose expiry date has passed, is reported as a
//! warning. Knows nothing of formats beyond comment syntax and JSON's shape.

use crate::source::{FileId, SourceFile, Span};

/// One `preflight:ignore` directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub file: FileId,
    /// 1-based line of the comment.
    pub line: usize,
    /// Byte range of the directive text, for diagnostics.
    pub range: std::ops::Range<usize>,
    pub ids: Vec<String>,
    pub reason: Option<String>,
    /// `YYYY-MM-DD`.
    pub expires: Option<String>,
    /// For a `"//"` property of a JSON object: what it covers, instead of lines.
    pub scope: Option<JsonScope>,
}

/// The directives in a file's comments; in a JSON file, in its `"//"` properties.
pub fn directives(id: FileId, file: &SourceFile) -> Vec<Directive> {
    if file.path.extension().is_some_and(|e| e == "json") {
        return json_directives(id, file);
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, line) in file.text.split_inclusive('\n').enumerate() {
        if let Some(at) = line.find(KEYWORD) {
            let before = &line[..at];
            if before.contains('#') || before.contains("//") {
                let (ids, reason, expires) = parse(line[at + KEYWORD.len()..].trim_end());
                out.push(Directive {
                    file: id,
                    line: i + 1,
                    range: offset + at..offset + line.trim_end().len(),
                    ids,
                    reason,
                    expires,
                    scope: None,
                });
            }
        }
        offset += line.len();
    }
    out
}

const KEYWORD: &str = "preflight:ignore";

/// `IDS -- reason exp:DATE` → (ids, reason, expiry).
fn parse(rest: &str) -> (Vec<String>, Option<String>, Option<String>) {
    let (ids_part, reason) = match rest.split_once("--") {
        Some((ids, reason)) => (ids, Some(reason.trim().to_string())),
        None => (rest, None),
    };
    let mut expires = None;
    let reason = reason.map(|r| {
        let mut words: Vec<&str> = Vec::new();
        for w in r.split_whitespace() {
            match w.strip_prefix("exp:") {
                Some(date) => expires = Some(date.to_string()),
                None => words.push(w),
            }
        }
        words.join(" ")
    });
    let ids: Vec<String> = ids_part
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .filter_map(|s| match s.strip_prefix("exp:") {
            Some(date) => {
                expires = Some(date.to_string());
                None
            }
            None => Some(s.to_string()),
        })
        .collect();
    (ids, reason.filter(|r| !r.is_empty()), expires)
}

/// Directives in `"//"` properties (JSON's only comments), each covering the object it is written in.
fn json_directives(id: FileId, file: &SourceFile) -> Vec<Directive> {
    let mut out = Vec::new();
    if !file.text.contains(KEYWORD) {
        return out;
    }
    let Ok(root) = crate::json::parse(&file.text) else {
        return out;
    };
    // (node, span of the key that holds it)
    let mut stack: Vec<(&crate::json::Node, Option<std::ops::Range<usize>>)> = vec![(&root, None)];
    while let Some((node, key)) = stack.pop() {
        for item in node.items() {
            stack.push((item, key.clone()));
        }
        for p in node.props() {
            let text = p
                .value
                .as_str()
                .filter(|_| p.key == "//")
                .unwrap_or_default();
            if let Some(at) = text.find(KEYWORD) {
                let (ids, reason, expires) = parse(&text[at + KEYWORD.len()..]);
                out.push(Directive {
                    file: id,
                    line: file.line_col(p.key_span.start).line,
                    range: p.span(),
                    ids,
                    reason,
                    expires,
                    scope: Some(JsonScope {
                        object: node.span.clone(),
                        key: key.clone(),
                    }),
                });
            }
            stack.push((&p.value, Some(p.key_span.clone())));
        }
    }
    out.sort_by_key(|d| d.range.start);
    out
}

/// What a `"//"` directive covers: findings inside its object, and findings on the block whose key
/// holds the object (a Terraform resource's name, a CloudFormation logical ID).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonScope {
    pub object: std::ops::Range<usize>,
    pub key: Option<std::ops::Range<usize>>,
}

/// Today's date as `YYYY-MM-DD` (UTC), for expiry.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(secs / 86_400)
}

/// Days since 1970-01-01 → `YYYY-MM-DD` (Howard Hinnant's civil-from-days algorithm).
fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

/// True when the directive names `rule_id` (or its name).
pub fn names(d: &Directive, rule_id: &str, rule_name: &str) -> bool {
    d.ids
        .iter()
        .any(|i| i.eq_ignore_ascii_case(rule_id) || i == rule_name)
}

/// True when a directive on `directive_line` covers `line` (1-based): the same line (a trailing
/// comment) or the next one. Applied to a finding's line and to its resource header's line.
pub fn covers(directive_line: usize, line: usize) -> bool {
    line == directive_line || line == directive_line + 1
}

/// True when `d` covers a finding at `span` (on `line`) of the resource whose header is `header` (on
/// `header_line`).
pub fn covers_finding(
    d: &Directive,
    span: &Span,
    line: usize,
    header: &Span,
    header_line: usize,
) -> bool {
    match &d.scope {
        Some(scope) => {
            (d.file == span.file
                && scope.object.start <= span.range.start
                && span.range.end <= scope.object.end)
                || (d.file == header.file && scope.key.as_ref() == Some(&header.range))
        }
        None => {
            (d.file == span.file && covers(d.line, line))
                || (d.file == header.file && covers(d.line, header_line))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn reads_ids_reason_and_expiry() {
        let text = "a = 1\n  acl = \"public-read\" # preflight:ignore AWS-S3-001, AWS-S3-002 -- static site exp:2027-01-31\n// preflight:ignore AWS-EBS-001\nx = \"preflight:ignore not a comment\"\n";
        let f = SourceFile::new("m.tf".into(), "m.tf".into(), Arc::from(text));
        let ds = directives(FileId(0), &f);
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].line, 2);
        assert_eq!(ds[0].ids, ["AWS-S3-001", "AWS-S3-002"]);
        assert_eq!(ds[0].reason.as_deref(), Some("static site"));
        assert_eq!(ds[0].expires.as_deref(), Some("2027-01-31"));
        assert_eq!((ds[1].line, ds[1].reason.as_ref()), (3, None));
        assert!(text[ds[0].range.clone()].starts_with("preflight:ignore"));
    }

    #[test]
    fn json_comment_properties_are_directives() {
        let text = "{\n  \"b\": {\n    \"//\": \"note: preflight:ignore AWS-S3-001 -- static \\\"site\\\"\",\n    \"url\": \"https://x//preflight:ignore AWS-S3-002\"\n  }\n}\n";
        let f = SourceFile::new("m.tf.json".into(), "m.tf.json".into(), Arc::from(text));
        let ds = directives(FileId(0), &f);
        // Only the `//` property counts, whatever other strings hold.
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].ids, ["AWS-S3-001"]);
        assert_eq!(ds[0].reason.as_deref(), Some("static \"site\""));
        assert_eq!(ds[0].line, 3);
        let scope = ds[0].scope.as_ref().expect("scoped");
        assert_eq!(&text[scope.key.clone().expect("key")], "\"b\"");
        assert!(text[scope.object.clone()].starts_with('{'));
    }

    #[test]
    fn dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_000), "2024-10-04");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    #[test]
    fn coverage() {
        assert!(covers(4, 4)); // trailing comment
        assert!(covers(3, 4)); // line above
        assert!(!covers(5, 4));
        assert!(!covers(2, 4));
    }
}
