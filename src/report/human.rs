//! Human output: compiler-style diagnostics rendered by miette, then a summary line.

use super::finding_position;
use super::snippet::{self, Snippet};
use super::terminal::{escape, escape_line};
use crate::finding::Severity;
use crate::policy::Registry;
use crate::source::FileId;
use crate::Outcome;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;

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
    source: Option<Snippet>,
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

/// Builds the snippets of one report: each file's secret values are found once.
struct Snippets<'o> {
    outcome: &'o Outcome,
    secrets: HashMap<FileId, Vec<Range<usize>>>,
    /// Names declared sensitive anywhere in the scan, once one is needed.
    declared: Option<BTreeSet<String>>,
}

impl Snippets<'_> {
    /// The snippet of `file` for `labels` (byte ranges with their text), and miette's labels for it;
    /// the first label is the primary one.
    fn make(
        &mut self,
        file: FileId,
        labels: Vec<(Option<String>, Range<usize>)>,
    ) -> (Snippet, Vec<LabeledSpan>) {
        let source = self.outcome.sources.get(file);
        let outcome = self.outcome;
        let declared = &mut self.declared;
        let secrets = self.secrets.entry(file).or_insert_with(|| {
            // Names declared sensitive anywhere (read once, when the first snippet is drawn), and
            // those only this file marks (a plan's `sensitive_values`).
            let declared =
                declared.get_or_insert_with(|| crate::redact::declared_sensitive(&outcome.sources));
            let (_, mut names) = crate::redact::sensitive_names(&source.text);
            names.extend(declared.iter().cloned());
            crate::redact::secret_ranges(&source.text, &names)
        });
        let ranges: Vec<Range<usize>> = labels.iter().map(|(_, r)| source.first_line(r)).collect();
        let (snippet, mapped) =
            snippet::build(source, &escape_line(&source.display), &ranges, secrets);
        let spans = labels
            .into_iter()
            .zip(mapped)
            .enumerate()
            .map(|(i, ((text, _), r))| {
                let text = text.map(|t| escape_line(&t));
                let at = (r.start, r.len());
                if i == 0 {
                    LabeledSpan::new_primary_with_span(text, at)
                } else {
                    LabeledSpan::new_with_span(text, at)
                }
            })
            .collect();
        (snippet, spans)
    }
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
    let mut snippets = Snippets {
        outcome,
        secrets: HashMap::new(),
        declared: None,
    };
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
        let (source, labels, where_) = match (&e.span, e.file) {
            (Some(span), _) => {
                let (snippet, labels) =
                    snippets.make(span.file, vec![(Some("here".into()), span.range.clone())]);
                (Some(snippet), labels, String::new())
            }
            (None, Some(id)) => (
                None,
                Vec::new(),
                format!("{}: ", outcome.sources.get(id).display),
            ),
            (None, None) => (
                None,
                Vec::new(),
                e.path.as_ref().map_or(String::new(), |p| format!("{p}: ")),
            ),
        };
        draw(&Diag {
            message: escape(&format!("{where_}{}", e.message)).into_owned(),
            code: code.into(),
            severity,
            help: None,
            source,
            labels,
            related: Vec::new(),
        });
    }

    // Rules (and which fix, Terraform's or CloudFormation's) already explained in this report.
    let mut explained: HashMap<usize, Vec<String>> = HashMap::new();
    for f in &outcome.findings {
        let meta = &registry.policies[f.rule].meta;
        let pos = finding_position(f, &outcome.sources);
        let label = match f.missing.as_deref() {
            None => f.resource.clone(),
            Some("") => format!("{}: left out, so the default applies", f.resource),
            Some(attr) => format!(
                "{}: `{attr}` is not set, so the default applies",
                f.resource
            ),
        };
        let mut labels = vec![(Some(label), pos.range.clone())];
        // Trace steps in other files, in order, each drawn from its own file.
        let mut related = Vec::new();
        let mut elsewhere = Vec::new();
        for t in &f.trace {
            match &t.span {
                Some(span) if span.file == f.span.file => {
                    labels.push((Some(t.note.clone()), span.range.clone()));
                }
                Some(span) => {
                    let (snippet, labels) =
                        snippets.make(span.file, vec![(Some(t.note.clone()), span.range.clone())]);
                    related.push(Diag {
                        message: escape(&t.note).into_owned(),
                        code: "where the value comes from".into(),
                        severity: miette::Severity::Advice,
                        help: None,
                        source: Some(snippet),
                        labels,
                        related: Vec::new(),
                    });
                }
                None => elsewhere.push(t.note.clone()),
            }
        }
        let mut origin = if elsewhere.is_empty() {
            String::new()
        } else {
            format!("value: {}\n", elsewhere.join("; "))
        };
        let mut hints: Vec<&str> = f.trace.iter().filter_map(|t| t.hint.as_deref()).collect();
        hints.dedup();
        for h in hints {
            origin.push_str(&format!("note: {h}\n"));
        }
        let (snippet, labels) = snippets.make(f.span.file, labels);
        draw(&Diag {
            message: escape(&f.message).into_owned(),
            code: escape_line(&format!("{} {} ({})", meta.id, meta.name, meta.severity)),
            severity: miette_severity(meta.severity),
            // The full why and fix the first time a rule appears; after that, one line (and the
            // fix once more if this one is in the other format's terms).
            help: Some(
                escape(&format!("{origin}{}", explanation(&mut explained, f, meta))).into_owned(),
            ),
            source: Some(snippet),
            labels,
            related,
        });
    }
    if let Some(list) = &outcome.undecided {
        out.push_str(&undecided(list, outcome, registry));
    }
    out.push_str(&by_rule(outcome, registry));
    out.push_str(&summary(outcome, registry));
    out
}

/// The rule's why and fix the first time the report shows it (`explained` maps a rule to the fixes
/// already shown); later, a pointer to it, with the fix when it is not one shown yet.
fn explanation(
    explained: &mut HashMap<usize, Vec<String>>,
    f: &crate::finding::Finding,
    meta: &crate::policy::metadata::Metadata,
) -> String {
    let fix = meta.help(f.cloudformation);
    let pointer = format!(
        "see the first {id} finding above, or `preflight explain {id}`",
        id = meta.id
    );
    match explained.get_mut(&f.rule) {
        None => {
            explained.insert(f.rule, vec![fix.to_string()]);
            format!("why: {}\nfix: {fix}", meta.description)
        }
        Some(shown) if shown.iter().any(|s| s == fix) => format!("why and fix: {pointer}"),
        Some(shown) => {
            shown.push(fix.to_string());
            format!("fix: {fix}\nwhy: {pointer}")
        }
    }
}

/// With more than one finding, a table of the rules that fired: most severe first, then most
/// frequent.
fn by_rule(outcome: &Outcome, registry: &Registry) -> String {
    if outcome.findings.len() < 2 {
        return String::new();
    }
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for f in &outcome.findings {
        *counts.entry(f.rule).or_default() += 1;
    }
    let mut rows: Vec<(usize, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| {
        let (ma, mb) = (&registry.policies[a.0].meta, &registry.policies[b.0].meta);
        mb.severity
            .cmp(&ma.severity)
            .then(b.1.cmp(&a.1))
            .then_with(|| ma.id.cmp(&mb.id))
    });
    let rows: Vec<(usize, String, &str, String)> = rows
        .into_iter()
        .map(|(rule, n)| {
            let m = &registry.policies[rule].meta;
            (
                n,
                escape_line(&m.id),
                m.severity.as_str(),
                escape_line(&m.name),
            )
        })
        .collect();
    let idw = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    let mut out =
        String::from("Findings by rule (`preflight explain ID` tells why and how to fix):\n");
    for (n, id, severity, name) in rows {
        out.push_str(&format!("  {n:>5}  {id:<idw$}  {severity:<8}  {name}\n"));
    }
    out.push('\n');
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
            meta.id,
            meta.name,
            escape_line(&u.resource),
            escape_line(&u.attribute),
            escape_line(&file.display),
            lc.line,
            lc.column
        ));
        if u.reasons.is_empty() {
            out.push_str("      its value could not be resolved\n");
        }
        for r in &u.reasons {
            out.push_str(&format!("      {}\n", escape_line(r)));
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
