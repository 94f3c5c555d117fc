//! Suppressing findings: inline directives in comments, and CloudFormation resources'
//! `Metadata.preflight.ignore`.
//!
//! `# preflight:ignore AWS-S3-001, AWS-S3-002 -- reason exp:2027-01-31` (or `//`) applies to findings on
//! its own line (a trailing comment) and on the next line; placed on or above a block's header it
//! applies to every finding of that block's resource. A directive that suppresses nothing, or whose
//! expiry date has passed, is reported as a warning. Knows nothing of formats beyond comment syntax.

use crate::source::{FileId, SourceFile};

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
    /// A `"//"` property of a JSON object (Terraform JSON syntax's comments): placed first in a
    /// block, it covers the block's header on the line above and so the whole resource.
    pub json_property: bool,
}

/// The directives in a file's comments.
pub fn directives(id: FileId, file: &SourceFile) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, line) in file.text.split_inclusive('\n').enumerate() {
        if let Some(at) = line.find("preflight:ignore") {
            let before = &line[..at];
            let is_comment = before.contains('#') || before.contains("//");
            if is_comment {
                let json_property = is_json_comment_property(before);
                let mut rest = line[at + "preflight:ignore".len()..].trim_end();
                if json_property {
                    // The directive ends with the JSON string.
                    let end = rest
                        .char_indices()
                        .find(|&(i, c)| c == '"' && !rest[..i].ends_with('\\'))
                        .map_or(rest.len(), |(i, _)| i);
                    rest = &rest[..end];
                }
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
                out.push(Directive {
                    file: id,
                    line: i + 1,
                    range: offset + at..offset + line.trim_end().len(),
                    ids,
                    reason: reason.filter(|r| !r.is_empty()),
                    expires,
                    json_property,
                });
            }
        }
        offset += line.len();
    }
    out
}

/// `before` ends a JSON comment property's key and opens its value: `"//": "`.
fn is_json_comment_property(before: &str) -> bool {
    before
        .trim_end()
        .strip_suffix('"')
        .map(str::trim_end)
        .and_then(|b| b.strip_suffix(':'))
        .is_some_and(|b| b.trim_end().ends_with("\"//\""))
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

/// True when `d` covers a resource whose header is on `header_line`: as [`covers`], or, for a JSON
/// comment property, as the block's first line.
pub fn covers_header(d: &Directive, header_line: usize) -> bool {
    covers(d.line, header_line) || (d.json_property && d.line == header_line + 1)
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
        let text = "{\n  \"b\": {\n    \"//\": \"preflight:ignore AWS-S3-001 -- static site\",\n    \"//x\": 1\n  }\n}\n";
        let f = SourceFile::new("m.tf.json".into(), "m.tf.json".into(), Arc::from(text));
        let ds = directives(FileId(0), &f);
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].ids, ["AWS-S3-001"]);
        assert_eq!(ds[0].reason.as_deref(), Some("static site"));
        assert!(ds[0].json_property);
        assert!(covers_header(&ds[0], 2));
        let text = "{\"//\": \"preflight:ignore AWS-S3-001\"}";
        let f = SourceFile::new("m.tf.json".into(), "m.tf.json".into(), Arc::from(text));
        assert_eq!(directives(FileId(0), &f)[0].ids, ["AWS-S3-001"]);
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
