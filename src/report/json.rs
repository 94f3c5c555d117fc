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
    summary: Summary,
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
                help: &meta.recommended_action,
                file: pos.file,
                line: pos.start.line,
                column: pos.start.column,
                end_line: pos.end.line,
                end_column: pos.end.column,
                resource: &f.resource,
            }
        })
        .collect();
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
    let report = Report {
        version: 1,
        findings,
        errors,
        summary: Summary {
            files: outcome.files,
            findings: outcome.findings.len(),
            errors: outcome.errors.len(),
        },
    };
    let mut out =
        serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
