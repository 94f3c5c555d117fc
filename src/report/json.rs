//! `--format json`: one object, schema version 1 (README "JSON output"). Fields may be added, never
//! removed or renamed.

use super::{error_position, finding_position};
use crate::policy::Registry;
use crate::Outcome;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    errors: Vec<JsonError<'a>>,
    /// Only with `--show-unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    undecided: Option<Vec<JsonUndecided<'a>>>,
    /// Unused or expired suppression directives; they do not change the exit code.
    warnings: Vec<JsonError<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonUndecided<'a> {
    rule_id: &'a str,
    rule_name: &'a str,
    resource: &'a str,
    attribute: &'a str,
    file: String,
    line: usize,
    column: usize,
    reasons: &'a [String],
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule_id: &'a str,
    rule_name: &'a str,
    category: &'a str,
    severity: &'a str,
    title: &'a str,
    message: &'a str,
    help: &'a str,
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    resource: &'a str,
    /// Where the value came from (variable defaults, tfvars lines, locals), outermost first.
    trace: Vec<JsonTrace<'a>>,
}

#[derive(Serialize)]
struct JsonTrace<'a> {
    /// `null` for a value from the command line or the environment.
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    file: String,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    findings: usize,
    errors: usize,
    suppressed: usize,
    warnings: usize,
    /// With a baseline: findings it left out, and its entries that matched nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    baselined: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_stale: Option<usize>,
}

pub fn render(outcome: &Outcome, registry: &Registry) -> String {
    let findings = outcome
        .findings
        .iter()
        .map(|f| {
            let meta = &registry.policies[f.rule].meta;
            let pos = finding_position(f, &outcome.sources);
            JsonFinding {
                rule_id: &meta.id,
                rule_name: &meta.name,
                category: &meta.category,
                severity: meta.severity.as_str(),
                title: &meta.title,
                message: &f.message,
                help: meta.help(f.cloudformation),
                file: pos.file,
                line: pos.start.line,
                column: pos.start.column,
                end_line: pos.end.line,
                end_column: pos.end.column,
                resource: &f.resource,
                trace: f
                    .trace
                    .iter()
                    .map(|t| {
                        let at = t.span.as_ref().map(|span| {
                            let file = outcome.sources.get(span.file);
                            (file.display.clone(), file.line_col(span.range.start))
                        });
                        JsonTrace {
                            file: at.as_ref().map(|(f, _)| f.clone()),
                            line: at.as_ref().map(|(_, lc)| lc.line),
                            column: at.as_ref().map(|(_, lc)| lc.column),
                            note: &t.note,
                            hint: t.hint.as_deref(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let located = |e| {
        let (file, lc) = error_position(e, &outcome.sources);
        JsonError {
            file,
            line: lc.line,
            column: lc.column,
            message: &e.message,
        }
    };
    let warnings: Vec<JsonError> = outcome.warnings.iter().map(located).collect();
    let errors = outcome
        .errors
        .iter()
        .map(|e| {
            let (file, lc) = error_position(e, &outcome.sources);
            JsonError {
                file,
                line: lc.line,
                column: lc.column,
                message: &e.message,
            }
        })
        .collect();
    let undecided = outcome.undecided.as_ref().map(|list| {
        list.iter()
            .map(|u| {
                let meta = &registry.policies[u.rule].meta;
                let file = outcome.sources.get(u.span.file);
                let lc = file.line_col(u.span.range.start);
                JsonUndecided {
                    rule_id: &meta.id,
                    rule_name: &meta.name,
                    resource: &u.resource,
                    attribute: &u.attribute,
                    file: file.display.clone(),
                    line: lc.line,
                    column: lc.column,
                    reasons: &u.reasons,
                }
            })
            .collect()
    });
    let report = Report {
        version: 1,
        findings,
        errors,
        undecided,
        warnings,
        summary: Summary {
            files: outcome.files,
            findings: outcome.findings.len(),
            errors: outcome.errors.len(),
            suppressed: outcome.suppressed,
            warnings: outcome.warnings.len(),
            baselined: outcome.baseline.map(|b| b.baselined),
            baseline_stale: outcome.baseline.map(|b| b.stale),
        },
    };
    let mut out =
        serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
