//! Capabilities, code actions (suppress a finding here; a rule's declared fix) and hovers.

use super::report::Flag;
use super::{text, Server};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Hover, HoverContents, HoverParams, HoverProviderCapability,
    MarkupContent, MarkupKind, Position, Range, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Url,
    WorkspaceEdit,
};
use std::collections::HashMap;

pub fn initialize_result() -> serde_json::Value {
    let caps = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    serde_json::json!({
        "capabilities": caps,
        "serverInfo": {"name": "preflight", "version": env!("CARGO_PKG_VERSION")},
    })
}

fn before(a: Position, b: Position) -> bool {
    (a.line, a.character) < (b.line, b.character)
}

/// Whether two ranges share a position (touching counts: a cursor at a finding's end is on it).
fn overlaps(a: &Range, b: &Range) -> bool {
    !before(a.end, b.start) && !before(b.end, a.start)
}

/// How a file writes a suppression.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Syntax {
    /// `# …` comments: HCL and YAML.
    Hash,
    /// A `"//"` property: JSON.
    Json,
}

fn syntax(uri: &Url, text: &str) -> Syntax {
    if uri.path().ends_with(".json") || text.trim_start().starts_with('{') {
        Syntax::Json
    } else {
        Syntax::Hash
    }
}

/// The indentation of the line holding byte `at`.
fn indent_at(text: &str, at: usize) -> &str {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    let n = line.len() - line.trim_start_matches([' ', '\t']).len();
    &line[..n]
}

/// An edit that inserts `property` as the first member of the JSON object that starts at or after
/// byte `from` (the resource's object).
fn json_insert_first(
    text: &str,
    starts: &[usize],
    from: usize,
    property: &str,
) -> Option<TextEdit> {
    let open = from + text.get(from..)?.find('{')?;
    let rest = &text[open + 1..];
    let next = rest.trim_start();
    let empty = next.starts_with('}');
    let inner_indent = if empty {
        format!("{}  ", indent_at(text, open))
    } else {
        let first = open + 1 + (rest.len() - next.len());
        indent_at(text, first).to_string()
    };
    let comma = if empty { "" } else { "," };
    let at = text::position(text, starts, open + 1);
    Some(TextEdit::new(
        Range::new(at, at),
        format!("\n{inner_indent}{property}{comma}"),
    ))
}

impl Server {
    pub(super) fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let (Some(report), Some(doc)) = (self.report_for(uri), self.docs.get(uri)) else {
            return Vec::new();
        };
        // Edits are computed on the text that was scanned; after a later edit, wait for its scan.
        if *report.text != *doc.text {
            return Vec::new();
        }
        let text = doc.text.as_str();
        let starts = text::line_starts(text);
        let mut out = Vec::new();
        for flag in report.flags.iter().filter(|f| overlaps(&f.range, &p.range)) {
            let policy = &self.registry.policies[flag.rule];
            let id = &policy.meta.id;
            let diagnostics = report
                .diagnostics
                .iter()
                .filter(|d| {
                    d.range == flag.range
                        && d.code == Some(lsp_types::NumberOrString::String(id.clone()))
                })
                .cloned()
                .collect::<Vec<_>>();
            if let Some(edit) = self.fix_edit(flag, text, &starts, uri) {
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Fix {id}: {}", edit.1),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(diagnostics.clone()),
                    edit: Some(workspace_edit(uri, vec![edit.0])),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                }));
            }
            let directive = format!("preflight:ignore {id} -- TODO: why this is accepted");
            let edit = match syntax(uri, text) {
                Syntax::Hash => {
                    let line_start = text[..flag.bytes.start.min(text.len())]
                        .rfind('\n')
                        .map_or(0, |i| i + 1);
                    let at = text::position(text, &starts, line_start);
                    Some(TextEdit::new(
                        Range::new(at, at),
                        format!("{}# {directive}\n", indent_at(text, flag.bytes.start)),
                    ))
                }
                Syntax::Json => {
                    let from = flag.header.as_ref().map_or(flag.bytes.start, |h| h.start);
                    let property =
                        format!("\"//\": {}", serde_json::Value::String(directive.clone()));
                    json_insert_first(text, &starts, from, &property)
                }
            };
            if let Some(edit) = edit {
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Suppress {id} here (reason required)"),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(diagnostics),
                    edit: Some(workspace_edit(uri, vec![edit])),
                    ..CodeAction::default()
                }));
            }
        }
        out
    }

    /// The rule's declared fix (`custom.fix` in its METADATA) as an edit: the attribute set to the
    /// value where it is written, or added to the resource when it is left out. Terraform only, and
    /// only where the finding points at the attribute itself (not at a variable it came from).
    fn fix_edit(
        &self,
        flag: &Flag,
        text: &str,
        starts: &[usize],
        uri: &Url,
    ) -> Option<(TextEdit, String)> {
        if flag.cloudformation {
            return None;
        }
        let fix = self.registry.policies[flag.rule].meta.fix.as_ref()?;
        let value = fix.value.to_string();
        let json = syntax(uri, text) == Syntax::Json;
        let attr = &fix.attribute;
        let label = format!("set {attr} = {value}");
        if flag.missing.as_deref() == Some(attr.as_str()) {
            let header = flag.header.as_ref()?;
            if json {
                let property = format!("{}: {value}", serde_json::Value::String(attr.clone()));
                return Some((
                    json_insert_first(text, starts, header.start, &property)?,
                    label,
                ));
            }
            let open = header.start + text.get(header.start..)?.find('{')?;
            let indent = format!("{}  ", indent_at(text, header.start));
            let at = text::position(text, starts, open + 1);
            return Some((
                TextEdit::new(Range::new(at, at), format!("\n{indent}{attr} = {value}")),
                label,
            ));
        }
        let written = text.get(flag.bytes.clone())?;
        let (name, sep, replacement) = if json {
            (
                serde_json::Value::String(attr.clone()).to_string(),
                ':',
                format!("\"{attr}\": {value}"),
            )
        } else {
            (attr.clone(), '=', format!("{attr} = {value}"))
        };
        let after = written.strip_prefix(name.as_str())?;
        if !after.trim_start().starts_with(sep) {
            return None;
        }
        Some((
            TextEdit::new(text::range(text, starts, &flag.bytes), replacement),
            label,
        ))
    }

    pub(super) fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let pos = &p.text_document_position_params;
        let report = self.report_for(&pos.text_document.uri)?;
        let at = Range::new(pos.position, pos.position);
        let flags: Vec<&Flag> = report
            .flags
            .iter()
            .filter(|f| overlaps(&f.range, &at))
            .collect();
        if flags.is_empty() {
            return None;
        }
        let mut md = String::new();
        for f in &flags {
            let meta = &self.registry.policies[f.rule].meta;
            if !md.is_empty() {
                md.push_str("\n\n---\n\n");
            }
            md.push_str(&format!(
                "**{}** ({}): {}\n\n{} (`{}`)\n\n{}\n\n**Fix:** {}",
                meta.id,
                meta.severity,
                meta.title,
                f.message,
                f.resource,
                meta.description,
                meta.help(f.cloudformation)
            ));
            if !f.trace.is_empty() {
                md.push_str("\n\n**Where the value came from:**\n");
                for (at, note) in &f.trace {
                    match at {
                        Some(l) => {
                            let name = l
                                .uri
                                .path_segments()
                                .and_then(|mut s| s.next_back())
                                .unwrap_or("");
                            md.push_str(&format!("\n- {note} ({name}:{})", l.range.start.line + 1));
                        }
                        None => md.push_str(&format!("\n- {note}")),
                    }
                }
            }
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: md,
            }),
            range: flags.first().map(|f| f.range),
        })
    }
}

fn workspace_edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}
