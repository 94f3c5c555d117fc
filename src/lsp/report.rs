//! A scan's outcome as LSP diagnostics, per file, with what hovers and code actions need.

use super::settings::Settings;
use super::text;
use crate::finding::Severity;
use crate::policy::Registry;
use crate::source::{SourceFile, Span};
use crate::Outcome;
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Range, Url,
};
use std::collections::BTreeMap;
use std::path::Path;

/// A finding as the server keeps it for hovers and code actions.
#[derive(Debug, Clone)]
pub struct Flag {
    pub rule: usize,
    pub range: Range,
    /// Byte range in the text that was scanned.
    pub bytes: std::ops::Range<usize>,
    /// The resource header's byte range (same file as the finding, else `None`).
    pub header: Option<std::ops::Range<usize>>,
    pub resource: String,
    pub message: String,
    /// The attribute left out, when the finding points at the header for that reason.
    pub missing: Option<String>,
    /// Where the value came from, outermost first: (place, note).
    pub trace: Vec<(Option<Location>, String)>,
    pub cloudformation: bool,
}

/// What one file gets: its diagnostics and its findings.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    pub diagnostics: Vec<Diagnostic>,
    pub flags: Vec<Flag>,
    /// The text the positions refer to.
    pub text: std::sync::Arc<str>,
}

fn url(path: &Path) -> Option<Url> {
    Url::from_file_path(path).ok()
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Critical | Severity::High => DiagnosticSeverity::ERROR,
        Severity::Medium => DiagnosticSeverity::WARNING,
        Severity::Low => DiagnosticSeverity::INFORMATION,
    }
}

/// The diagnostics of every file of the outcome that has any, by URL.
pub fn reports(
    outcome: &Outcome,
    registry: &Registry,
    settings: &Settings,
) -> BTreeMap<Url, FileReport> {
    let mut out: BTreeMap<Url, FileReport> = BTreeMap::new();
    let mut starts: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    let mut lsp_range = |file: &SourceFile, span: &Span| {
        let s = starts
            .entry(span.file.0)
            .or_insert_with(|| text::line_starts(&file.text));
        text::range(&file.text, s, &span.range)
    };
    let mut entry = |file: &SourceFile| -> Option<Url> {
        let u = url(&file.path)?;
        out.entry(u.clone()).or_insert_with(|| FileReport {
            text: file.text.clone(),
            ..FileReport::default()
        });
        Some(u)
    };
    let mut add = Vec::new();
    for f in &outcome.findings {
        let file = outcome.sources.get(f.span.file);
        let Some(u) = entry(file) else { continue };
        let policy = &registry.policies[f.rule];
        let meta = &policy.meta;
        let range = lsp_range(file, &f.span);
        let trace: Vec<(Option<Location>, String)> = f
            .trace
            .iter()
            .map(|t| {
                let at = t.span.as_ref().and_then(|s| {
                    let tf = outcome.sources.get(s.file);
                    Some(Location::new(url(&tf.path)?, lsp_range(tf, s)))
                });
                (at, t.note.clone())
            })
            .collect();
        let related: Vec<DiagnosticRelatedInformation> = trace
            .iter()
            .filter_map(|(at, note)| {
                Some(DiagnosticRelatedInformation {
                    location: at.clone()?,
                    message: note.clone(),
                })
            })
            .collect();
        let href = Url::parse(&format!(
            "{}#{}",
            settings.rules_url,
            meta.id.to_ascii_lowercase()
        ))
        .ok();
        let mut message = f.message.clone();
        if let Some(m) = f.missing.as_ref().filter(|m| !m.is_empty()) {
            message.push_str(&format!(" (`{m}` is not set)"));
        }
        let diagnostic = Diagnostic {
            range,
            severity: Some(severity(meta.severity)),
            code: Some(NumberOrString::String(meta.id.clone())),
            code_description: href.map(|href| CodeDescription { href }),
            source: Some("preflight".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        };
        let header = (f.header.file == f.span.file).then(|| f.header.range.clone());
        add.push((
            u,
            diagnostic,
            Flag {
                rule: f.rule,
                range,
                bytes: f.span.range.clone(),
                header,
                resource: f.resource.clone(),
                message: f.message.clone(),
                missing: f.missing.clone(),
                trace,
                cloudformation: f.cloudformation,
            },
        ));
    }
    let problems = outcome
        .errors
        .iter()
        .map(|e| (e, DiagnosticSeverity::ERROR))
        .chain(
            outcome
                .warnings
                .iter()
                .map(|e| (e, DiagnosticSeverity::WARNING)),
        );
    let mut plain = Vec::new();
    for (e, sev) in problems {
        let (Some(span), Some(id)) = (&e.span, e.file) else {
            continue;
        };
        let file = outcome.sources.get(id);
        let Some(u) = entry(file) else { continue };
        plain.push((
            u,
            Diagnostic {
                range: lsp_range(file, span),
                severity: Some(sev),
                source: Some("preflight".into()),
                message: e.message.clone(),
                ..Diagnostic::default()
            },
        ));
    }
    if settings.show_undecided {
        for u in outcome.undecided.iter().flatten() {
            let file = outcome.sources.get(u.span.file);
            let Some(url) = entry(file) else { continue };
            let meta = &registry.policies[u.rule].meta;
            let why = if u.reasons.is_empty() {
                String::new()
            } else {
                format!(": {}", u.reasons.join("; "))
            };
            plain.push((
                url,
                Diagnostic {
                    range: lsp_range(file, &u.span),
                    severity: Some(DiagnosticSeverity::HINT),
                    code: Some(NumberOrString::String(meta.id.clone())),
                    source: Some("preflight".into()),
                    message: format!(
                        "{} not decided: `{}` of `{}` is unknown{why}",
                        meta.id, u.attribute, u.resource
                    ),
                    ..Diagnostic::default()
                },
            ));
        }
    }
    for (u, d, flag) in add {
        if let Some(r) = out.get_mut(&u) {
            r.diagnostics.push(d);
            r.flags.push(flag);
        }
    }
    for (u, d) in plain {
        if let Some(r) = out.get_mut(&u) {
            r.diagnostics.push(d);
        }
    }
    out
}

/// Problems that point at no text (an unreadable file, a policy that failed): for the client's log.
pub fn unplaced(outcome: &Outcome) -> Vec<String> {
    outcome
        .errors
        .iter()
        .filter(|e| e.span.is_none())
        .map(|e| match &e.path {
            Some(p) => format!("{p}: {}", e.message),
            None => e.message.clone(),
        })
        .collect()
}
