//! `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
//! the pull request's diff: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
//!
//! Critical and high findings are errors, medium ones warnings, low ones notices. The command's
//! message escapes `%`, CR and LF (as `%25`, `%0D`, `%0A`); property values also escape `:` and `,`
//! (`%3A`, `%2C`), which would otherwise end the value. A last plain line is the summary.

use super::{error_position, finding_position};
use crate::finding::Severity;
use crate::policy::Registry;
use crate::Outcome;

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            // The log is a terminal too: escape sequences from a scanned file are made visible.
            c if super::terminal::is_unsafe(c) => super::terminal::push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape_data(s).chars() {
        match c {
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "notice",
    }
}

pub fn render(outcome: &Outcome, registry: &Registry) -> String {
    let mut out = String::new();
    for (e, kind) in outcome
        .errors
        .iter()
        .map(|e| (e, "error"))
        .chain(outcome.warnings.iter().map(|w| (w, "warning")))
    {
        let (file, lc) = error_position(e, &outcome.sources);
        out.push_str(&format!(
            "::{kind} file={},line={},col={},title={}::{}\n",
            escape_property(&file),
            lc.line,
            lc.column,
            escape_property(&format!("preflight {kind}")),
            escape_data(&e.message)
        ));
    }
    for f in &outcome.findings {
        let policy = &registry.policies[f.rule];
        let meta = &policy.meta;
        let pos = finding_position(f, &outcome.sources);
        let mut message = format!("{}\n\nFix: {}", f.message, meta.help(f.cloudformation));
        for t in &f.trace {
            message.push_str(&format!("\nValue: {}", t.note));
        }
        message.push_str(&format!("\nMore: preflight explain {}", meta.id));
        out.push_str(&format!(
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            command(meta.severity),
            escape_property(&pos.file),
            pos.start.line,
            pos.start.column,
            pos.end.line,
            pos.end.column,
            escape_property(&format!("{} {} ({})", meta.id, meta.title, meta.severity)),
            escape_data(&message)
        ));
    }
    out.push_str(&super::human::summary(outcome, registry));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\nd"), "a%3Ab%2Cc%25%0Ad");
        // A `%` is escaped once, before the others: `%3A` written in the text stays literal.
        assert_eq!(escape_property("%3A"), "%253A");
        assert_eq!(escape_data("a\u{1b}[31m"), "a\u{241b}[31m");
    }
}
