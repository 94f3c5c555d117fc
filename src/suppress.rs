//! Suppressing findings: inline directives in comments, and CloudFormation resources'
//! `Metadata.preflight.ignore`.
//!
//! `# preflight:ignore AWS-S3-001, AWS-S3-002 -- reason exp:2027-01-31` (or `//`, `/* */`) applies to
//! findings on its own line (a trailing comment) and on the next line; placed on or above a block's
//! header it applies to every finding of that block's resource. Only real comments count: the text
//! inside a string, a heredoc or a YAML block scalar is not a directive. JSON has no comments: there a
//! `"//"` property holds the directive and covers the object it is in (first in a Terraform resource's
//! object, the whole resource). A directive that suppresses nothing, names no rule that exists, has an
//! invalid expiry date (then it is not applied) or an expired one is reported as a warning. Knows
//! nothing of formats beyond comment syntax and JSON's shape.

use crate::finding::ScanError;
use crate::json::{Kind, Node, Prop};
use crate::source::{FileId, SourceFile, Span};
use std::collections::HashMap;
use std::ops::Range;

/// One `preflight:ignore` directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub file: FileId,
    /// 1-based line of the comment.
    pub line: usize,
    /// Byte range of the directive text, for diagnostics.
    pub range: Range<usize>,
    /// The rule IDs (or names) it names, each with where it is written.
    pub ids: Vec<Word>,
    pub reason: Option<String>,
    /// What follows `exp:`, as written (a valid one is `YYYY-MM-DD`; see [`valid_date`]).
    pub expires: Option<Word>,
    /// For a `"//"` property of a JSON object: what it covers, instead of lines.
    pub scope: Option<JsonScope>,
}

/// A piece of a directive and where it is (byte range in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub range: Range<usize>,
}

const KEYWORD: &str = "preflight:ignore";

/// How a file writes comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Hcl,
    Yaml,
    Json,
}

fn syntax(file: &SourceFile) -> Syntax {
    let name = file
        .path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if [".tf", ".tfvars", ".hcl"].iter().any(|e| name.ends_with(e)) {
        Syntax::Hcl
    } else if name.ends_with(".json") || file.text.trim_start().starts_with('{') {
        Syntax::Json
    } else {
        Syntax::Yaml
    }
}

/// The directives in a file's comments; in a JSON file, in its `"//"` properties.
pub fn directives(id: FileId, file: &SourceFile) -> Vec<Directive> {
    if !file.text.contains(KEYWORD) {
        return Vec::new();
    }
    let comments = match syntax(file) {
        Syntax::Json => return json_directives(id, file),
        Syntax::Hcl => hcl_comments(&file.text),
        Syntax::Yaml => yaml_comments(&file.text),
    };
    let mut out = Vec::new();
    for comment in comments {
        let text = &file.text[comment.clone()];
        let Some(at) = keyword_at(text) else {
            continue;
        };
        // The directive runs to the end of its line (a block comment may go on) or of the comment.
        let mut body = &text[at + KEYWORD.len()..];
        if let Some(nl) = body.find('\n') {
            body = &body[..nl];
        }
        let body = body.strip_suffix("*/").unwrap_or(body).trim_end();
        let start = comment.start + at;
        let base = start + KEYWORD.len();
        let parsed = parse(body);
        let word = |(text, r): (String, Range<usize>)| Word {
            text,
            range: base + r.start..base + r.end,
        };
        out.push(Directive {
            file: id,
            line: file.line_col(start).line,
            range: start..base + body.len(),
            ids: parsed.ids.into_iter().map(word).collect(),
            reason: parsed.reason,
            expires: parsed.expires.map(word),
            scope: None,
        });
    }
    out
}

/// Where the keyword stands as a word of its own in `text` (not `preflight:ignored`).
fn keyword_at(text: &str) -> Option<usize> {
    text.match_indices(KEYWORD).map(|(at, _)| at).find(|&at| {
        let after = &text[at + KEYWORD.len()..];
        after.is_empty() || after.starts_with(char::is_whitespace) || after.starts_with("*/")
    })
}

/// A directive's text after the keyword; ranges are relative to it.
struct Parsed {
    ids: Vec<(String, Range<usize>)>,
    reason: Option<String>,
    expires: Option<(String, Range<usize>)>,
}

/// The words of `s` split at any of `seps`, with their offsets.
fn words(s: &str, seps: fn(char) -> bool) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (seps(c), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// `IDS -- reason exp:DATE` → ids, reason and expiry (`exp:` may also stand among the IDs, and
/// `exp: DATE` with a space is read the same).
fn parse(rest: &str) -> Parsed {
    let (ids_part, reason_part) = match rest.find("--") {
        Some(at) => (&rest[..at], Some((at + 2, &rest[at + 2..]))),
        None => (rest, None),
    };
    let mut expires = None;
    let ids = take_expiry(
        words(ids_part, |c| c == ',' || c.is_whitespace()),
        0,
        &mut expires,
    )
    .into_iter()
    .map(|(at, w)| {
        let end = at + w.len();
        (w.to_string(), at..end)
    })
    .collect();
    let reason = reason_part.map(|(base, r)| {
        take_expiry(words(r, char::is_whitespace), base, &mut expires)
            .into_iter()
            .map(|(_, w)| w)
            .collect::<Vec<_>>()
            .join(" ")
    });
    Parsed {
        ids,
        reason: reason.filter(|r| !r.is_empty()),
        expires,
    }
}

/// Takes `exp:DATE` (or `exp:` and the next word) out of a list of words (offsets shifted by `base`).
fn take_expiry<'s>(
    ws: Vec<(usize, &'s str)>,
    base: usize,
    expires: &mut Option<(String, Range<usize>)>,
) -> Vec<(usize, &'s str)> {
    let mut kept = Vec::new();
    let mut it = ws.into_iter();
    while let Some((at, w)) = it.next() {
        let Some(date) = w.strip_prefix("exp:") else {
            kept.push((base + at, w));
            continue;
        };
        let (date, end) = if date.is_empty() {
            match it.next() {
                Some((at2, w2)) => (w2, base + at2 + w2.len()),
                None => ("", base + at + w.len()),
            }
        } else {
            (date, base + at + w.len())
        };
        *expires = Some((date.to_string(), base + at..end));
    }
    kept
}

/// Directives in `"//"` properties (JSON's only comments), each covering the object it is written in.
/// A JSON string's escapes make positions inside it inexact, so every part is located at the property.
fn json_directives(id: FileId, file: &SourceFile) -> Vec<Directive> {
    let mut out = Vec::new();
    let Ok(root) = crate::json::parse(&file.text) else {
        return out;
    };
    // (node, span of the key that holds it)
    let mut stack: Vec<(&Node, Option<Range<usize>>)> = vec![(&root, None)];
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
            if let Some(at) = keyword_at(text) {
                let parsed = parse(&text[at + KEYWORD.len()..]);
                let word = |(text, _): (String, Range<usize>)| Word {
                    text,
                    range: p.span(),
                };
                out.push(Directive {
                    file: id,
                    line: file.line_col(p.key_span.start).line,
                    range: p.span(),
                    ids: parsed.ids.into_iter().map(word).collect(),
                    reason: parsed.reason,
                    expires: parsed.expires.map(word),
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
    pub object: Range<usize>,
    pub key: Option<Range<usize>>,
}

/// The end of the line that `at` is on (the offset of its `\n`, or the end of the text).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |n| at + n)
}

/// Where the lexer of [`hcl_comments`] is.
enum Hcl<'t> {
    /// Expressions: at the top level, or inside a template's `${ }` / `%{ }` (then `braces` counts the
    /// `{` opened inside, so the `}` that closes the interpolation is known).
    Code { braces: usize },
    /// A quoted string.
    Str,
    /// A heredoc, until a line holding only its marker.
    Heredoc { marker: &'t str },
}

/// Byte ranges of the comments in HCL text: `#` and `//` to the end of the line, `/* */`. Quoted
/// strings, heredocs and the expressions inside their interpolations (with their own strings) are
/// followed, so comment markers inside a string are text. One pass, no recursion.
pub fn hcl_comments(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut stack = vec![Hcl::Code { braces: 0 }];
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let top = stack.len() - 1;
        match &mut stack[top] {
            Hcl::Code { braces } => match b[i] {
                b'#' => {
                    let end = line_end(text, i);
                    out.push(i..end);
                    i = end;
                }
                b'/' if next == Some(b'/') => {
                    let end = line_end(text, i);
                    out.push(i..end);
                    i = end;
                }
                b'/' if next == Some(b'*') => {
                    let end = text[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
                    out.push(i..end);
                    i = end;
                }
                b'"' => {
                    stack.push(Hcl::Str);
                    i += 1;
                }
                b'<' if next == Some(b'<') => {
                    i += 2;
                    if let Some((marker, body)) = heredoc_header(text, i) {
                        stack.push(Hcl::Heredoc { marker });
                        i = body;
                    }
                }
                b'{' => {
                    *braces += 1;
                    i += 1;
                }
                b'}' => {
                    if *braces == 0 {
                        // The end of an interpolation (a stray `}` at the top level is left alone).
                        if top > 0 {
                            stack.pop();
                        }
                    } else {
                        *braces -= 1;
                    }
                    i += 1;
                }
                _ => i += 1,
            },
            Hcl::Str => match b[i] {
                b'\\' => i += 2,
                b'"' => {
                    stack.pop();
                    i += 1;
                }
                // A quoted string ends at its line: an unterminated one does not swallow the file.
                b'\n' => {
                    stack.pop();
                    i += 1;
                }
                b'$' | b'%' => i += template_sequence(b, i, &mut stack),
                _ => i += 1,
            },
            Hcl::Heredoc { marker } => {
                let marker = *marker;
                if i == 0 || b[i - 1] == b'\n' {
                    let end = line_end(text, i);
                    if text[i..end].trim() == marker {
                        stack.pop();
                        i = end;
                        continue;
                    }
                }
                match b[i] {
                    b'$' | b'%' => i += template_sequence(b, i, &mut stack),
                    _ => i += 1,
                }
            }
        }
    }
    out
}

/// At a `$` or `%` in a template: `${`/`%{` opens an interpolation (pushed on `stack`), `$${`/`%%{` is
/// an escaped literal. Returns how many bytes were read.
fn template_sequence(b: &[u8], i: usize, stack: &mut Vec<Hcl>) -> usize {
    match (b.get(i + 1), b.get(i + 2)) {
        (Some(b'{'), _) => {
            stack.push(Hcl::Code { braces: 0 });
            2
        }
        (Some(c), Some(b'{')) if *c == b[i] => 3,
        _ => 1,
    }
}

/// After `<<`: `-`? IDENT then the end of the line → (marker, offset of the heredoc's first line).
fn heredoc_header(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = &text[at..];
    let rest_at = usize::from(rest.starts_with('-'));
    let ident = &rest[rest_at..];
    let len = ident
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(ident.len());
    let marker = &ident[..len];
    if marker.is_empty() || !marker.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return None;
    }
    let after = &ident[len..];
    let after = after.strip_prefix('\r').unwrap_or(after);
    // `after` ends the text: the body starts past its newline.
    after
        .starts_with('\n')
        .then(|| (marker, text.len() - after.len() + 1))
}

/// Where the line scanner of [`yaml_comments`] is at the end of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Yaml {
    Plain,
    /// Inside a `"…"` scalar (it may span lines).
    Double,
    /// Inside a `'…'` scalar.
    Single,
    /// Inside a `|` or `>` block scalar: lines indented deeper than `parent` (or blank) belong to it.
    Block {
        parent: isize,
    },
}

fn is_blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// Byte ranges of the comments in YAML text: a `#` at the start of a line or after a blank, outside
/// quoted scalars (single, double, over several lines) and block scalars (`|`, `>`). saphyr drops
/// comments, so this is a line scanner that knows where a scalar may start.
pub fn yaml_comments(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut state = Yaml::Plain;
    // Open `[` / `{` (flow collections may span lines).
    let mut flow = 0usize;
    // When the last line ended inside a plain scalar (block context): the column its lines must be
    // indented past to go on with it.
    let mut plain_open: Option<isize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let b = body.as_bytes();
        let indent = b.iter().take_while(|&&c| c == b' ').count();
        if let Yaml::Block { parent } = state {
            if body.trim().is_empty() || indent as isize > parent {
                continue;
            }
            state = Yaml::Plain;
        }
        let trimmed = body.trim_start_matches([' ', '\t']);
        if trimmed.is_empty() {
            continue;
        }
        // A more indented line after a plain scalar goes on with it: a quote there is text.
        let continued = plain_open
            .filter(|&p| state == Yaml::Plain && indent as isize > p && !trimmed.starts_with('#'));
        // A node may start here (then `"`, `'`, `|`, `>` are indicators, not text).
        let mut at_start = continued.is_none();
        // The column of the key or `-` that a block scalar on this line would belong to.
        let mut parent = continued.unwrap_or(indent as isize - 1);
        // Whether the last thing read is plain text.
        let mut in_plain = continued.is_some();
        // The column where the current scalar started.
        let mut token = indent;
        let mut i = 0;
        while i < b.len() {
            match state {
                Yaml::Double | Yaml::Single => {
                    let quote = if state == Yaml::Double { b'"' } else { b'\'' };
                    while i < b.len() {
                        // `\x` in double quotes, `''` in single quotes.
                        let escaped = if quote == b'"' {
                            b[i] == b'\\'
                        } else {
                            b[i] == b'\'' && b.get(i + 1) == Some(&b'\'')
                        };
                        in_plain = false;
                        if escaped {
                            i += 2;
                        } else if b[i] == quote {
                            state = Yaml::Plain;
                            i += 1;
                            break;
                        } else {
                            i += 1;
                        }
                    }
                    at_start = false;
                    continue;
                }
                Yaml::Block { .. } => {
                    // The rest of a block scalar's header: indicators, then maybe a comment.
                    while i < b.len() && !is_blank(b[i]) && b[i] != b'#' {
                        i += 1;
                    }
                    while i < b.len() && is_blank(b[i]) {
                        i += 1;
                    }
                    if i < b.len() && b[i] == b'#' {
                        out.push(start + i..start + b.len());
                    }
                    break;
                }
                Yaml::Plain => {}
            }
            let blank_before = i == 0 || is_blank(b[i - 1]);
            if is_blank(b[i]) {
                i += 1;
                continue;
            }
            let c = b[i];
            let next_blank = b.get(i + 1).is_none_or(|&n| is_blank(n));
            if c == b'#' && blank_before {
                out.push(start + i..start + b.len());
                in_plain = false;
                break;
            }
            in_plain = false;
            if at_start {
                match c {
                    b'"' | b'\'' => {
                        state = if c == b'"' {
                            Yaml::Double
                        } else {
                            Yaml::Single
                        };
                        token = i;
                        i += 1;
                        continue;
                    }
                    b'|' | b'>' if flow == 0 => {
                        state = Yaml::Block { parent };
                        i += 1;
                        continue;
                    }
                    // Tags and anchors come before the node they describe.
                    b'!' | b'&' => {
                        while i < b.len() && !is_blank(b[i]) {
                            i += 1;
                        }
                        continue;
                    }
                    b'-' | b'?' if next_blank => {
                        parent = i as isize;
                        i += 1;
                        continue;
                    }
                    b'[' | b'{' => {
                        flow += 1;
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            // A value indicator (after a key, also right after a quoted key as in `{"a":1}`).
            let next_ends = b
                .get(i + 1)
                .is_none_or(|&n| is_blank(n) || (flow > 0 && matches!(n, b',' | b']' | b'}')));
            let after_quote = flow > 0 && i > 0 && matches!(b[i - 1], b'"' | b'\'');
            if c == b':' && (next_ends || after_quote) {
                parent = token as isize;
                at_start = true;
                i += 1;
                continue;
            }
            if flow > 0 {
                match c {
                    b',' => {
                        at_start = true;
                        i += 1;
                        continue;
                    }
                    b']' | b'}' => {
                        flow -= 1;
                        at_start = false;
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            // Plain text, up to an indicator or a comment.
            if at_start {
                token = i;
            }
            at_start = false;
            in_plain = true;
            i += 1;
            while i < b.len() {
                let c = b[i];
                let next_ends = b
                    .get(i + 1)
                    .is_none_or(|&n| is_blank(n) || (flow > 0 && matches!(n, b',' | b']' | b'}')));
                if (c == b':' && next_ends)
                    || (c == b'#' && is_blank(b[i - 1]))
                    || (flow > 0 && matches!(c, b',' | b'[' | b']' | b'{' | b'}'))
                {
                    break;
                }
                i += 1;
            }
        }
        plain_open = (in_plain && state == Yaml::Plain && flow == 0).then_some(parent);
    }
    out
}

/// A warning for each directive in force that names rules but gives no reason (`-- why`): a
/// suppression without one cannot be reviewed later. (An expired directive, or one with an invalid
/// date, is already reported as such.)
pub fn reasonless(directives: &[Directive]) -> Vec<ScanError> {
    let today = today();
    directives
        .iter()
        .filter(|d| !d.ids.is_empty() && d.reason.is_none())
        .filter(|d| {
            d.expires
                .as_ref()
                .is_none_or(|e| valid_date(&e.text) && e.text.as_str() >= today.as_str())
        })
        .map(|d| {
            let ids: Vec<&str> = d.ids.iter().map(|w| w.text.as_str()).collect();
            ScanError::parse(
                Span::new(d.file, d.range.clone()),
                format!(
                    "suppression of {} gives no reason: add one after `--` (`preflight:ignore {} -- why`)",
                    ids.join(", "),
                    ids.join(", ")
                ),
            )
        })
        .collect()
}

/// True when `s` is a real calendar date written `YYYY-MM-DD` (leap years included).
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y > 0 && (1..=days).contains(&d)
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

/// True when a directive's word names the rule `rule_id` (any case) or `rule_name`.
pub fn names_rule(word: &str, rule_id: &str, rule_name: &str) -> bool {
    word.eq_ignore_ascii_case(rule_id) || word == rule_name
}

/// True when the directive names `rule_id` (or its name).
pub fn names(d: &Directive, rule_id: &str, rule_name: &str) -> bool {
    d.ids
        .iter()
        .any(|w| names_rule(&w.text, rule_id, rule_name))
}

/// The known rule ID or name closest to `word` (at most 2 edits away, ignoring case), to suggest for
/// a misspelling.
pub fn closest<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let word = word.to_ascii_lowercase();
    known
        .into_iter()
        // The distance is at least the difference in length: no need to compute it then.
        .filter(|k| k.len().abs_diff(word.len()) <= 2)
        .map(|k| (edit_distance(&word, &k.to_ascii_lowercase()), k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance over bytes (rule IDs are ASCII).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
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

/// The suppressions of one CloudFormation resource (`entry`: its logical ID and its value), from
/// `Metadata: {preflight: {ignore: [...]}}`, as directives on the logical ID's line. An entry is a
/// rule ID (read like the text after `preflight:ignore`, so `AWS-S3-001 -- reason exp:2027-01-31`
/// works) or a mapping `{id, reason, exp}` (`expires` is read as `exp`). Anything else under
/// `Metadata.preflight` is a warning at the node, not silence.
pub fn metadata_directives(
    id: FileId,
    file: &SourceFile,
    entry: &Prop,
    warnings: &mut Vec<ScanError>,
) -> Vec<Directive> {
    let mut out = Vec::new();
    let Some(preflight) = entry
        .value
        .get("Metadata")
        .and_then(|m| m.prop("preflight"))
    else {
        return out;
    };
    let mut warn = |range: Range<usize>, message: String| {
        // A YAML mapping's span runs on over the blanks after it.
        let kept = file
            .text
            .get(range.clone())
            .map_or(0, |t| t.trim_end().len());
        let range = range.start..range.start + kept;
        warnings.push(ScanError::parse(Span::new(id, range), message));
    };
    if !matches!(preflight.value.kind, Kind::Object(_)) {
        warn(
            preflight.span(),
            "`Metadata.preflight` must be a mapping with an `ignore` list; nothing is suppressed"
                .into(),
        );
        return out;
    }
    for p in preflight.value.props() {
        if p.key != "ignore" {
            warn(
                p.key_span.clone(),
                format!(
                    "unknown key `{}` in `Metadata.preflight` (expected `ignore`)",
                    p.key
                ),
            );
        }
    }
    let Some(list) = preflight.value.get("ignore") else {
        return out;
    };
    let Kind::Array(items) = &list.kind else {
        warn(
            list.span.clone(),
            "`Metadata.preflight.ignore` must be a list of rule IDs or `{id, reason, exp}` entries \
             (`ignore: [AWS-S3-001]`); nothing is suppressed"
                .into(),
        );
        return out;
    };
    let line = file.line_col(entry.key_span.start).line;
    for item in items {
        // Positions inside a YAML or JSON string are not exact: every ID is located at `ids_at`.
        let directive = |parsed: Parsed, ids_at: &Range<usize>, exp_at: &Range<usize>| {
            let at = |r: &Range<usize>| {
                let r = r.clone();
                move |(text, _): (String, Range<usize>)| Word {
                    text,
                    range: r.clone(),
                }
            };
            Directive {
                file: id,
                line,
                range: item.span.clone(),
                ids: parsed.ids.into_iter().map(at(ids_at)).collect(),
                reason: parsed.reason,
                expires: parsed.expires.map(at(exp_at)),
                scope: None,
            }
        };
        match &item.kind {
            Kind::String(s) => out.push(directive(parse(s), &item.span, &item.span)),
            Kind::Object(props) => {
                let mut unknown = props
                    .iter()
                    .filter(|p| !["id", "reason", "exp", "expires"].contains(&p.key.as_str()))
                    .peekable();
                let has_unknown = unknown.peek().is_some();
                let id_prop = item.prop("id");
                for p in unknown {
                    let without_id = if id_prop.is_none() {
                        "; without `id` this entry suppresses nothing"
                    } else {
                        ""
                    };
                    warn(
                        p.key_span.clone(),
                        format!(
                            "unknown key `{}` in a suppression entry (expected `id`, `reason`, `exp`){without_id}",
                            p.key
                        ),
                    );
                }
                let Some(id_prop) = id_prop else {
                    if !has_unknown {
                        warn(
                            item.span.clone(),
                            "suppression entry has no `id`; it suppresses nothing".into(),
                        );
                    }
                    continue;
                };
                let Some(ids) = id_prop.value.as_str() else {
                    warn(
                        id_prop.value.span.clone(),
                        "`id` must be a string (a rule ID); this entry suppresses nothing".into(),
                    );
                    continue;
                };
                let reason = match item.get("reason") {
                    Some(r) if r.as_str().is_some() => r.as_str().map(str::to_string),
                    Some(r) if !r.is_null() => {
                        warn(r.span.clone(), "`reason` must be a string".into());
                        None
                    }
                    _ => None,
                };
                let exp = item
                    .prop("exp")
                    .or_else(|| item.prop("expires"))
                    .map(|p| match &p.value.kind {
                        Kind::String(s) => (s.clone(), p.span()),
                        // Not a string: kept as written, to be reported as an invalid date.
                        _ => (
                            file.text
                                .get(p.value.span.clone())
                                .unwrap_or_default()
                                .trim()
                                .to_string(),
                            p.span(),
                        ),
                    });
                let parsed = Parsed {
                    ids: words(ids, |c| c == ',' || c.is_whitespace())
                        .into_iter()
                        .map(|(_, w)| (w.to_string(), 0..0))
                        .collect(),
                    reason: reason.filter(|r| !r.is_empty()),
                    expires: exp.clone(),
                };
                let exp_at = exp.map_or(item.span.clone(), |(_, r)| r);
                out.push(directive(parsed, &id_prop.value.span, &exp_at));
            }
            _ => warn(
                item.span.clone(),
                "a suppression entry is a rule ID or an `{id, reason, exp}` mapping; this one suppresses nothing"
                    .into(),
            ),
        }
    }
    out
}

/// The directives of a scan, indexed so that finding those that cover a finding does not take a pass
/// over all of them (10,000 findings under 10,000 directives took seconds that way).
pub struct Index<'d> {
    directives: &'d [Directive],
    /// Line directives by file and line.
    by_line: HashMap<(FileId, usize), Vec<usize>>,
    /// `"//"` directives by the key that holds their object.
    by_key: HashMap<(FileId, Range<usize>), Vec<usize>>,
    /// `"//"` directives per file, by their object's start (outer objects first), each with the
    /// position of the nearest object in this list that encloses it.
    objects: HashMap<FileId, Vec<Scoped>>,
}

struct Scoped {
    object: Range<usize>,
    directive: usize,
    parent: Option<usize>,
}

impl<'d> Index<'d> {
    pub fn new(directives: &'d [Directive]) -> Index<'d> {
        let mut index = Index {
            directives,
            by_line: HashMap::new(),
            by_key: HashMap::new(),
            objects: HashMap::new(),
        };
        for (i, d) in directives.iter().enumerate() {
            match &d.scope {
                None => index.by_line.entry((d.file, d.line)).or_default().push(i),
                Some(scope) => {
                    if let Some(key) = &scope.key {
                        index
                            .by_key
                            .entry((d.file, key.clone()))
                            .or_default()
                            .push(i);
                    }
                    index.objects.entry(d.file).or_default().push(Scoped {
                        object: scope.object.clone(),
                        directive: i,
                        parent: None,
                    });
                }
            }
        }
        for list in index.objects.values_mut() {
            // JSON objects nest or are apart: one sweep finds each one's enclosing object.
            list.sort_by_key(|s| (s.object.start, std::cmp::Reverse(s.object.end), s.directive));
            let mut open: Vec<usize> = Vec::new();
            for k in 0..list.len() {
                while open
                    .last()
                    .is_some_and(|&o| list[o].object.end <= list[k].object.start)
                {
                    open.pop();
                }
                list[k].parent = open.last().copied();
                open.push(k);
            }
        }
        index
    }

    /// The directives that cover a finding at `span` (on `line`) of the resource whose header is
    /// `header` (on `header_line`), in order.
    pub fn covering(
        &self,
        span: &Span,
        line: usize,
        header: &Span,
        header_line: usize,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        for (file, line) in [(span.file, line), (header.file, header_line)] {
            for l in [line.saturating_sub(1), line] {
                out.extend(self.by_line.get(&(file, l)).into_iter().flatten());
            }
        }
        out.extend(
            self.by_key
                .get(&(header.file, header.range.clone()))
                .into_iter()
                .flatten(),
        );
        if let Some(list) = self.objects.get(&span.file) {
            // The last object starting at or before the finding, then its enclosing ones: those that
            // end after the finding contain it.
            let mut at = list
                .partition_point(|s| s.object.start <= span.range.start)
                .checked_sub(1);
            while let Some(k) = at {
                if span.range.end <= list[k].object.end {
                    out.push(list[k].directive);
                }
                at = list[k].parent;
            }
        }
        out.sort_unstable();
        out.dedup();
        out.retain(|&i| covers_finding(&self.directives[i], span, line, header, header_line));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile::new(name.into(), name.into(), Arc::from(text))
    }

    fn ids(d: &Directive) -> Vec<&str> {
        d.ids.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn reads_ids_reason_and_expiry() {
        let text = "a = 1\n  acl = \"public-read\" # preflight:ignore AWS-S3-001, AWS-S3-002 -- static site exp:2027-01-31\n// preflight:ignore AWS-EBS-001\nx = \"preflight:ignore not a comment\"\n";
        let f = file("m.tf", text);
        let ds = directives(FileId(0), &f);
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].line, 2);
        assert_eq!(ids(&ds[0]), ["AWS-S3-001", "AWS-S3-002"]);
        assert_eq!(ds[0].reason.as_deref(), Some("static site"));
        let exp = ds[0].expires.as_ref().expect("expiry");
        assert_eq!(exp.text, "2027-01-31");
        assert_eq!(&text[exp.range.clone()], "exp:2027-01-31");
        assert_eq!(&text[ds[0].ids[1].range.clone()], "AWS-S3-002");
        assert_eq!((ds[1].line, ds[1].reason.as_ref()), (3, None));
        assert!(text[ds[0].range.clone()].starts_with("preflight:ignore"));
        assert!(text[ds[0].range.clone()].ends_with("exp:2027-01-31"));
    }

    #[test]
    fn expiry_among_the_ids_or_after_a_space() {
        let d = parse(" AWS-S3-001 exp:2027-01-31 -- why");
        assert_eq!(d.ids.len(), 1);
        assert_eq!(d.expires.map(|e| e.0).as_deref(), Some("2027-01-31"));
        let d = parse(" AWS-S3-001 -- why exp: 2027-01-31");
        assert_eq!(d.reason.as_deref(), Some("why"));
        assert_eq!(d.expires.map(|e| e.0).as_deref(), Some("2027-01-31"));
        // `exp:` and nothing: an empty date (reported as invalid later), not a silent "never".
        let d = parse(" AWS-S3-001 -- why exp:");
        assert_eq!(d.expires.map(|e| e.0).as_deref(), Some(""));
    }

    #[test]
    fn json_comment_properties_are_directives() {
        let text = "{\n  \"b\": {\n    \"//\": \"note: preflight:ignore AWS-S3-001 -- static \\\"site\\\"\",\n    \"url\": \"https://x//preflight:ignore AWS-S3-002\"\n  }\n}\n";
        let f = file("m.tf.json", text);
        let ds = directives(FileId(0), &f);
        // Only the `//` property counts, whatever other strings hold.
        assert_eq!(ds.len(), 1);
        assert_eq!(ids(&ds[0]), ["AWS-S3-001"]);
        assert_eq!(ds[0].reason.as_deref(), Some("static \"site\""));
        assert_eq!(ds[0].line, 3);
        let scope = ds[0].scope.as_ref().expect("scoped");
        assert_eq!(&text[scope.key.clone().expect("key")], "\"b\"");
        assert!(text[scope.object.clone()].starts_with('{'));
    }

    /// The text of each comment that `scan` finds.
    fn comments(text: &str, scan: fn(&str) -> Vec<Range<usize>>) -> Vec<&str> {
        scan(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn hcl_comments_outside_strings_and_heredocs() {
        let text = r##"# one
a = "x # not // a comment /* either */" // two
b = "${lookup(m, "k # no", "}")} # still string" /* three */
c = <<EOF
  # in a heredoc
  ${"}"} // still heredoc
  EOF2
EOF
d = <<-EOT
    text # no
    EOT
e = "$${ # escaped, still string }" # four
f = "a\"# b" # five
g = "%{ if x }#no%{ endif }" # six
"##;
        assert_eq!(
            comments(text, hcl_comments),
            [
                "# one",
                "// two",
                "/* three */",
                "# four",
                "# five",
                "# six"
            ]
        );
        // An unterminated string ends at its line; an unterminated heredoc or block comment at the end.
        assert_eq!(comments("a = \"x\n# c\n", hcl_comments), ["# c"]);
        assert_eq!(comments("a = <<E\n# c\n", hcl_comments), Vec::<&str>::new());
        assert_eq!(comments("/* a", hcl_comments), ["/* a"]);
        // `<<` that is not a heredoc header is not one.
        assert_eq!(comments("a = <<E x\n# c\n", hcl_comments), ["# c"]);
    }

    #[test]
    fn yaml_comments_outside_scalars() {
        let text = r##"# one
A: "x # no" # two
B: 'it''s # no' # three
C: plain#no # four
D: don't # five
E: |
  # in a block scalar
    # still
  text
# six
F: >- # seven
  # folded, no
G: "multi
  # line, no
  end" # eight
- key: !Sub |
    # no
  # nine
H: {a: "# no", b: 1} # ten
I: ["x", '#no'] # eleven
J: http://x#y # twelve
K: a plain scalar
  'goes on
  here # thirteen
L:
  - key: value
     "still plain

     on # fourteen
# fifteen
M: 'quoted' # sixteen
"##;
        assert_eq!(
            comments(text, yaml_comments),
            [
                "# one",
                "# two",
                "# three",
                "# four",
                "# five",
                "# six",
                "# seven",
                "# eight",
                "# nine",
                "# ten",
                "# eleven",
                "# twelve",
                "# thirteen",
                "# fourteen",
                "# fifteen",
                "# sixteen"
            ]
        );
    }

    #[test]
    fn directives_only_in_comments() {
        let hcl = "resource \"a\" \"b\" {\n  description = \"see # preflight:ignore AWS-S3-001\"\n  policy = <<EOF\n# preflight:ignore AWS-S3-002\nEOF\n  x = 1 # preflight:ignore AWS-S3-003\n}\n";
        let ds = directives(FileId(0), &file("m.tf", hcl));
        assert_eq!(ds.iter().flat_map(ids).collect::<Vec<_>>(), ["AWS-S3-003"]);
        let yaml = "Description: \"# preflight:ignore AWS-S3-001\"\nResources:\n  B:\n    Metadata:\n      Note: |\n        # preflight:ignore AWS-S3-002\n    # preflight:ignore AWS-S3-003 -- real\n    Type: AWS::S3::Bucket\n";
        let ds = directives(FileId(0), &file("t.yaml", yaml));
        assert_eq!(ds.iter().flat_map(ids).collect::<Vec<_>>(), ["AWS-S3-003"]);
        assert_eq!(ds[0].line, 7);
        // The keyword is a word of its own.
        let ds = directives(
            FileId(0),
            &file("m.tf", "# preflight:ignored X\n# preflight:ignore\n"),
        );
        assert_eq!((ds.len(), ds[0].line, ds[0].ids.len()), (1, 2, 0));
        // A block comment ends the directive.
        let ds = directives(
            FileId(0),
            &file("m.tf", "/* preflight:ignore AWS-S3-001 -- x */\n"),
        );
        assert_eq!(ds[0].reason.as_deref(), Some("x"));
    }

    #[test]
    fn calendar_dates() {
        for ok in [
            "2027-01-31",
            "2024-02-29",
            "2000-02-29",
            "2099-12-31",
            "0001-01-01",
        ] {
            assert!(valid_date(ok), "{ok}");
        }
        for bad in [
            "never",
            "",
            "2099-13-45",
            "12/31/2099",
            "2023-02-29",
            "1900-02-29",
            "2027-04-31",
            "2027-00-10",
            "2027-01-00",
            "0000-01-01",
            "2027-1-31",
            "2027-01-311",
            "+027-01-31",
            "2027-01-3a",
            "２０２７-01-31",
        ] {
            assert!(!valid_date(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_000), "2024-10-04");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert!(valid_date(&today()));
    }

    #[test]
    fn suggestions() {
        let known = [
            "AWS-S3-001",
            "AWS-S3-002",
            "AWS-EBS-001",
            "public-bucket-acl",
        ];
        assert_eq!(closest("AWS-S3-01", known), Some("AWS-S3-001"));
        assert_eq!(closest("aws-s3-0001", known), Some("AWS-S3-001"));
        assert_eq!(
            closest("public-bucket-acls", known),
            Some("public-bucket-acl")
        );
        assert_eq!(closest("AWS-RDS-009", known), None);
        assert_eq!(closest(&"x".repeat(100_000), known), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn coverage() {
        assert!(covers(4, 4)); // trailing comment
        assert!(covers(3, 4)); // line above
        assert!(!covers(5, 4));
        assert!(!covers(2, 4));
    }

    #[test]
    fn the_index_finds_what_a_pass_over_all_directives_finds() {
        // Nested, sibling and repeated `"//"` objects, and line directives in another file.
        let json = r#"{"a": {"//": "preflight:ignore X", "b": {"//": "preflight:ignore Y", "c": 1},
 "d": [{"//": "preflight:ignore Z", "e": 2}, {"f": {"//": "preflight:ignore W"}}], "g": 3},
 "h": {"//": "preflight:ignore V", "//": "preflight:ignore U", "i": {"j": 4}}, "k": 5}"#;
        let mut ds = directives(FileId(0), &file("m.tf.json", json));
        let hcl =
            "# preflight:ignore A\nx = 1 # preflight:ignore B\ny = 2\n\n# preflight:ignore C\n";
        ds.extend(directives(FileId(1), &file("m.tf", hcl)));
        assert_eq!(ds.len(), 9);
        let index = Index::new(&ds);
        let line = |f: usize, at: usize| {
            if f == 0 {
                1
            } else {
                hcl[..at].matches('\n').count() + 1
            }
        };
        for (f, len) in [(0usize, json.len()), (1, hcl.len())] {
            for start in 0..len {
                for end in [start, start + 1, start + 9] {
                    let span = Span::new(FileId(f as u32), start..end.min(len));
                    // The header: somewhere else in the same file.
                    let hstart = (start * 7) % len;
                    let header = Span::new(FileId(f as u32), hstart..(hstart + 3).min(len));
                    let (l, hl) = (line(f, start), line(f, hstart));
                    let brute: Vec<usize> = (0..ds.len())
                        .filter(|&i| covers_finding(&ds[i], &span, l, &header, hl))
                        .collect();
                    assert_eq!(index.covering(&span, l, &header, hl), brute, "{span:?}");
                }
            }
        }
        // Key spans as headers are found too.
        let key = ds[1]
            .scope
            .as_ref()
            .and_then(|s| s.key.clone())
            .expect("key");
        let header = Span::new(FileId(0), key);
        let far = Span::new(FileId(0), json.len()..json.len());
        assert_eq!(index.covering(&far, 1, &header, 1), [1]);
    }

    /// Token soups (deterministic): no input makes the scanners panic, and every directive's ranges
    /// lie in the file on character boundaries.
    #[test]
    fn any_text_is_scanned_without_panic() {
        const PIECES: [&str; 34] = [
            "#",
            "//",
            "/*",
            "*/",
            "\"",
            "'",
            "\\",
            "${",
            "%{",
            "$${",
            "}",
            "{",
            "<<EOF\n",
            "<<-X\n",
            "EOF",
            "\n",
            "\r\n",
            " ",
            "|",
            ">-",
            ": ",
            "- ",
            "[",
            "]",
            ",",
            "!Sub ",
            "é",
            "😀",
            "preflight:ignore ",
            "AWS-S3-001",
            "exp:",
            "2027-02-29",
            " -- ",
            "\t",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for case in 0..20_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let name = ["m.tf", "t.yaml", "t.json"][case % 3];
            let f = file(name, &text);
            for d in directives(FileId(0), &f) {
                let ranges = std::iter::once(&d.range)
                    .chain(d.ids.iter().map(|w| &w.range))
                    .chain(d.expires.iter().map(|w| &w.range));
                for r in ranges {
                    assert!(text.get(r.clone()).is_some(), "{r:?} in {text:?}");
                }
            }
            if let Ok(root) = crate::yaml::parse(&text) {
                let mut warnings = Vec::new();
                for entry in root.props() {
                    metadata_directives(FileId(0), &f, entry, &mut warnings);
                }
            }
        }
    }

    fn metadata(yaml: &str) -> (Vec<Directive>, Vec<String>) {
        let f = file("t.yaml", yaml);
        let root = crate::yaml::parse(yaml).expect("yaml");
        let mut warnings = Vec::new();
        let mut out = Vec::new();
        for entry in root.props() {
            out.extend(metadata_directives(FileId(0), &f, entry, &mut warnings));
        }
        let warnings = warnings
            .into_iter()
            .map(|w| {
                let at = w.span.map_or(0..0, |s| s.range);
                format!("{} @ {}", w.message, &yaml[at])
            })
            .collect();
        (out, warnings)
    }

    #[test]
    fn metadata_entries() {
        let (ds, warnings) = metadata(
            "B:\n  Metadata:\n    preflight:\n      ignore:\n        - id: AWS-S3-001\n          reason: r\n          exp: 2027-01-31\n        - AWS-S3-002, AWS-S3-003 -- why exp:2028-02-29\n        - id: AWS-S3-004\n          expires: '2029-01-01'\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(ds.len(), 3);
        assert_eq!(ids(&ds[0]), ["AWS-S3-001"]);
        assert_eq!(ds[0].reason.as_deref(), Some("r"));
        assert_eq!(
            ds[0].expires.as_ref().map(|e| e.text.as_str()),
            Some("2027-01-31")
        );
        assert_eq!(ids(&ds[1]), ["AWS-S3-002", "AWS-S3-003"]);
        assert_eq!(
            ds[1].expires.as_ref().map(|e| e.text.as_str()),
            Some("2028-02-29")
        );
        assert_eq!(
            ds[2].expires.as_ref().map(|e| e.text.as_str()),
            Some("2029-01-01")
        );
        assert!(ds.iter().all(|d| d.line == 1));
    }

    #[test]
    fn malformed_metadata_warns() {
        let (ds, w) = metadata("B:\n  Metadata:\n    preflight:\n      ignore: AWS-S3-001\n");
        assert!(ds.is_empty());
        assert_eq!(w.len(), 1);
        assert!(
            w[0].contains("must be a list") && w[0].ends_with("@ AWS-S3-001"),
            "{w:?}"
        );

        let (ds, w) = metadata(
            "B:\n  Metadata:\n    preflight:\n      ignore:\n        - rule: AWS-S3-001\n",
        );
        assert!(ds.is_empty());
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("unknown key `rule`") && w[0].contains("without `id`"),
            "{w:?}"
        );
        assert!(w[0].ends_with("@ rule"), "{w:?}");

        let (ds, w) = metadata(
            "B:\n  Metadata:\n    preflight:\n      ignored: [AWS-S3-001]\n      ignore:\n        - id: AWS-S3-001\n          reason: 3\n          note: x\n        - 42\n        - reason: only\n        - id: [AWS-S3-002]\n",
        );
        assert_eq!(ds.len(), 1, "{ds:?}");
        assert_eq!(
            w.iter()
                .map(|w| w.split(" @ ").nth(1).unwrap_or(""))
                .collect::<Vec<_>>(),
            // (saphyr ends a flow sequence's span before its `]`)
            ["ignored", "note", "3", "42", "reason: only", "[AWS-S3-002"],
            "{w:?}"
        );

        let (ds, w) = metadata("B:\n  Metadata:\n    preflight: AWS-S3-001\n");
        assert!(ds.is_empty());
        assert!(w[0].contains("must be a mapping"), "{w:?}");

        // A date of the wrong type is kept as written, to be reported as an invalid date.
        let (ds, w) = metadata("B:\n  Metadata:\n    preflight:\n      ignore:\n        - id: AWS-S3-001\n          exp: 20270131\n");
        assert!(w.is_empty());
        assert_eq!(
            ds[0].expires.as_ref().map(|e| e.text.as_str()),
            Some("20270131")
        );
    }
}
