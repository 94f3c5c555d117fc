//! Human output: compiler-style diagnostics rendered by miette, then a summary line.

use super::finding_position;
use crate::finding::Severity;
use crate::policy::Registry;
use crate::source::SourceFile;
use crate::Outcome;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use std::fmt;
use std::sync::Arc;

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

#[derive(Debug)]
struct Diag {
    message: String,
    code: String,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<Arc<str>>>,
    labels: Vec<LabeledSpan>,
    /// Notes in other files (where a value came from).
    related: Vec<Diag>,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        if self.code.is_empty() {
            None
        } else {
            Some(Box::new(&self.code))
        }
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
        }
    }
}

fn named(file: &SourceFile) -> NamedSource<Arc<str>> {
    NamedSource::new(&file.display, Arc::clone(&file.text))
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Critical | Severity::High => miette::Severity::Error,
        Severity::Medium => miette::Severity::Warning,
        Severity::Low => miette::Severity::Advice,
    }
}

pub fn render(outcome: &Outcome, registry: &Registry, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let mut out = String::new();
    let mut draw = |d: &Diag| {
        if handler.render_report(&mut out, d).is_err() {
            out.push_str(&d.message);
            out.push('\n');
        }
        out.push('\n');
    };

    let problems = outcome
        .errors
        .iter()
        .map(|e| (e, "error", miette::Severity::Error))
        .chain(
            outcome
                .warnings
                .iter()
                .map(|w| (w, "warning", miette::Severity::Warning)),
        );
    for (e, code, severity) in problems {
        let (source, labels) = match (&e.span, e.file) {
            (Some(span), _) => {
                let file = outcome.sources.get(span.file);
                let len = span.range.end.saturating_sub(span.range.start);
                (
                    Some(named(file)),
                    vec![LabeledSpan::new_primary_with_span(
                        Some("here".into()),
                        (span.range.start, len),
                    )],
                )
            }
            (None, Some(id)) => (Some(named(outcome.sources.get(id))), Vec::new()),
            (None, None) => (None, Vec::new()),
        };
        let where_ = match (&e.path, source.is_none()) {
            (Some(p), true) => format!("{p}: "),
            _ => String::new(),
        };
        draw(&Diag {
            message: format!("{where_}{}", e.message),
            code: code.into(),
            severity,
            help: None,
            source,
            labels,
            related: Vec::new(),
        });
    }

    for f in &outcome.findings {
        let meta = &registry.policies[f.rule].meta;
        let file = outcome.sources.get(f.span.file);
        let pos = finding_position(f, &outcome.sources);
        let label = match f.missing.as_deref() {
            None => f.resource.clone(),
            Some("") => format!("{}: left out, so the default applies", f.resource),
            Some(attr) => format!(
                "{}: `{attr}` is not set, so the default applies",
                f.resource
            ),
        };
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(label),
            (pos.range.start, pos.range.len()),
        )];
        let mut related = Vec::new();
        let mut elsewhere = Vec::new();
        for t in &f.trace {
            match &t.span {
                Some(span) => {
                    let src = outcome.sources.get(span.file);
                    let range = src.first_line(&span.range);
                    let label = LabeledSpan::new_with_span(
                        Some(t.note.clone()),
                        (range.start, range.len()),
                    );
                    if span.file == f.span.file {
                        labels.push(label);
                    } else {
                        related.push(Diag {
                            message: t.note.clone(),
                            code: String::new(),
                            severity: miette::Severity::Advice,
                            help: None,
                            source: Some(named(src)),
                            labels: vec![label],
                            related: Vec::new(),
                        });
                    }
                }
                None => elsewhere.push(t.note.clone()),
            }
        }
        let origin = if elsewhere.is_empty() {
            String::new()
        } else {
            format!("value: {}\n", elsewhere.join("; "))
        };
        draw(&Diag {
            message: f.message.clone(),
            code: format!("{} {} ({})", meta.id, meta.name, meta.severity),
            severity: miette_severity(meta.severity),
            help: Some(format!(
                "{origin}why: {}\nfix: {}",
                meta.description,
                meta.help(f.cloudformation)
            )),
            source: Some(named(file)),
            labels,
            related,
        });
    }
    if let Some(list) = &outcome.undecided {
        out.push_str(&undecided(list, outcome, registry));
    }
    out.push_str(&summary(outcome, registry));
    out
}

/// The `--show-unknown` section: one entry per check that could not be decided, with why.
fn undecided(list: &[crate::finding::Undecided], outcome: &Outcome, registry: &Registry) -> String {
    if list.is_empty() {
        return "Every check could be decided: no value a rule reads was unknown.\n\n".into();
    }
    let mut out = format!(
        "{} undecided (a value a rule reads could not be resolved):\n",
        plural(list.len(), "check")
    );
    for u in list {
        let meta = &registry.policies[u.rule].meta;
        let file = outcome.sources.get(u.span.file);
        let lc = file.line_col(u.span.range.start);
        out.push_str(&format!(
            "  {} {}: {} `{}` at {}:{}:{}\n",
            meta.id, meta.name, u.resource, u.attribute, file.display, lc.line, lc.column
        ));
        if u.reasons.is_empty() {
            out.push_str("      its value could not be resolved\n");
        }
        for r in &u.reasons {
            out.push_str(&format!("      {r}\n"));
        }
    }
    out.push('\n');
    out
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "3 findings (1 critical, 2 high) and 1 error in 12 files".
pub fn summary(outcome: &Outcome, registry: &Registry) -> String {
    let n = outcome.findings.len();
    let mut counts = Vec::new();
    for sev in [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ] {
        let c = outcome
            .findings
            .iter()
            .filter(|f| registry.policies[f.rule].meta.severity == sev)
            .count();
        if c > 0 {
            counts.push(format!("{c} {sev}"));
        }
    }
    let mut line = if n == 0 {
        "No findings".to_string()
    } else {
        format!("{} ({})", plural(n, "finding"), counts.join(", "))
    };
    if !outcome.errors.is_empty() {
        line.push_str(&format!(" and {}", plural(outcome.errors.len(), "error")));
    }
    if !outcome.warnings.is_empty() {
        line.push_str(&format!(", {}", plural(outcome.warnings.len(), "warning")));
    }
    if outcome.suppressed > 0 {
        line.push_str(&format!(", {} suppressed", outcome.suppressed));
    }
    line.push_str(&format!(" in {}\n", plural(outcome.files, "file")));
    line
}
