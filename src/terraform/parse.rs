//! Terraform HCL parsing with `hcl-edit`, which keeps a byte span on every block, attribute and expression.
//!
//! Knows nothing of evaluation or of the cloud model.

use super::json_syntax::{self, Remap};
use crate::finding::ScanError;
use crate::source::{FileId, SourceFile, Span};
use hcl_edit::structure::Body;

/// A parsed `.tf` or `.tf.json` file.
#[derive(Debug)]
pub struct ParsedFile {
    pub file: FileId,
    pub body: Body,
    /// For JSON syntax: the spans of `body` are in its native-syntax translation; this maps them
    /// back to the file.
    pub remap: Option<Remap>,
    /// The text `body`'s spans index (for JSON syntax, its native-syntax translation).
    pub text: std::sync::Arc<str>,
}

/// Whether a Terraform file is written in JSON syntax.
pub fn is_json(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| e == "json")
}

/// Parses one file; a syntax error becomes a [`ScanError`] at the place the parser stopped.
pub fn parse(id: FileId, source: &SourceFile) -> Result<ParsedFile, ScanError> {
    if is_json(&source.path) {
        let t = json_syntax::translate(&source.text)
            .map_err(|e| ScanError::parse(Span::new(id, e.span), e.message))?;
        return match hcl_edit::parser::parse_body(&t.text) {
            Ok(body) => Ok(ParsedFile {
                file: id,
                body,
                text: std::sync::Arc::from(t.text.as_str()),
                remap: Some(t.remap),
            }),
            Err(err) => {
                let range = t.remap.range(error_range(&t.text, &err));
                Err(ScanError::parse(
                    Span::new(id, range),
                    format!("Terraform syntax error in an expression: {}", err.message()),
                ))
            }
        };
    }
    match hcl_edit::parser::parse_body(&source.text) {
        Ok(body) => Ok(ParsedFile {
            file: id,
            body,
            remap: None,
            text: std::sync::Arc::clone(&source.text),
        }),
        Err(err) => Err(ScanError::parse(
            Span::new(id, error_range(&source.text, &err)),
            format!("Terraform syntax error: {}", err.message()),
        )),
    }
}

/// The character where the parser stopped.
fn error_range(text: &str, err: &hcl_edit::parser::Error) -> std::ops::Range<usize> {
    // The parser may point inside a multi-byte character: snap back to its start.
    let mut offset = err.location().offset().min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset..next_char_end(text, offset)
}

fn next_char_end(text: &str, offset: usize) -> usize {
    text[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8())
}

/// The span of a block's header: its identifier and labels (`resource "aws_s3_bucket" "logs"`).
pub fn block_header(block: &hcl_edit::structure::Block) -> std::ops::Range<usize> {
    use hcl_edit::Span as _;
    let whole = block.span().unwrap_or(0..0);
    let start = block.ident.span().map_or(whole.start, |s| s.start);
    let end = block
        .labels
        .last()
        .and_then(|l| l.span())
        .or_else(|| block.ident.span())
        .map_or(whole.end, |s| s.end);
    start..end.max(start)
}

/// The span of an attribute from its key to the end of its value, without trailing comments.
pub fn attribute(attr: &hcl_edit::structure::Attribute) -> std::ops::Range<usize> {
    use hcl_edit::Span as _;
    let whole = attr.span().unwrap_or(0..0);
    let start = attr.key.span().map_or(whole.start, |s| s.start);
    let end = attr.value.span().map_or(whole.end, |s| s.end);
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn src(text: &str) -> SourceFile {
        SourceFile::new("a.tf".into(), "a.tf".into(), Arc::from(text))
    }

    #[test]
    fn parses_blocks_with_spans() {
        let f = src("resource \"aws_s3_bucket\" \"b\" {\n  acl = \"private\"\n}\n");
        let parsed = parse(FileId(0), &f).expect("parses");
        assert_eq!(parsed.body.blocks().count(), 1);
    }

    #[test]
    fn syntax_error_has_a_location() {
        let f = src("resource \"a\" \"b\" {\n  acl = \n}\n");
        let err = parse(FileId(0), &f).expect_err("must fail");
        let lc = f.line_col(err.span.as_ref().expect("span").range.start);
        // The value is missing at the end of line 2.
        assert_eq!(lc.line, 2);
    }

    #[test]
    fn syntax_error_inside_a_multibyte_character_does_not_panic() {
        // Found by fuzzing: `l=[` then U+07A5 with no newline.
        let f = src("l=[\u{7a5}");
        let err = parse(FileId(0), &f).expect_err("must fail");
        let span = err.span.expect("span");
        assert!(
            f.text.is_char_boundary(span.range.start) && f.text.is_char_boundary(span.range.end)
        );
    }

    #[test]
    fn empty_file_is_an_empty_body() {
        let parsed = parse(FileId(0), &src("")).expect("parses");
        assert_eq!(parsed.body.len(), 0);
    }
}
