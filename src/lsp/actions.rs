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

/// The byte where the value of member `key` of the JSON object that starts at or after byte `from`
/// begins, when the object has that member (strings and nested values are skipped whole).
fn json_member(text: &str, from: usize, key: &str) -> Option<usize> {
    let open = from + text.get(from..)?.find('{')?;
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, open);
    let mut last_string: Option<(usize, usize)> = None;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                last_string = Some((start, i.min(bytes.len())));
            }
            b':' if depth == 1 => {
                if let Some((s, e)) = last_string {
                    if text.get(s + 1..e) == Some(key) {
                        let rest = text.get(i + 1..)?;
                        return Some(i + 1 + (rest.len() - rest.trim_start().len()));
                    }
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return None;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The rule's CloudFormation fix (`property` in its `custom.fix`) as an edit: the property's value
/// replaced where it is written; when it is left out, the property added to the resource's
/// `Properties` (made when the resource has none).
fn cloudformation_fix(
    flag: &Flag,
    fix: &crate::policy::metadata::Fix,
    text: &str,
    starts: &[usize],
    json: bool,
) -> Option<(TextEdit, String)> {
    let (property, value) = fix.cloudformation()?;
    let label = format!("set {property}: {value}");
    // The adapter names what was left out in the template's own terms.
    if flag.missing.as_deref() == Some(property) {
        let header = flag.header.as_ref()?;
        let member = format!(
            "{}: {value}",
            serde_json::Value::String(property.to_string())
        );
        if json {
            let edit = match json_member(text, header.start, "Properties") {
                Some(at) if text[at..].starts_with('{') => {
                    json_insert_first(text, starts, at, &member)?
                }
                Some(_) => return None,
                None => json_insert_first(
                    text,
                    starts,
                    header.start,
                    &format!("\"Properties\": {{{member}}}"),
                )?,
            };
            return Some((edit, label));
        }
        return yaml_add_property(text, starts, header.start, &format!("{property}: {value}"))
            .map(|edit| (edit, label));
    }
    let written = text.get(flag.bytes.clone())?;
    let name = if json {
        serde_json::Value::String(property.to_string()).to_string()
    } else {
        property.to_string()
    };
    let after = written.strip_prefix(name.as_str())?;
    if !after.trim_start().starts_with(':') {
        return None;
    }
    Some((
        TextEdit::new(
            text::range(text, starts, &flag.bytes),
            format!("{name}: {value}"),
        ),
        label,
    ))
}

/// An edit that adds `line` (`Name: value`) under the `Properties:` of the YAML resource whose logical
/// ID starts at byte `header`, or a `Properties:` holding it when the resource has none. `None` for a
/// resource written in flow style.
fn yaml_add_property(text: &str, starts: &[usize], header: usize, line: &str) -> Option<TextEdit> {
    let indent_of = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let header_start = text[..header].rfind('\n').map_or(0, |i| i + 1);
    let header_end = text[header..].find('\n').map_or(text.len(), |i| header + i);
    let header_line = &text[header_start..header_end];
    let own = indent_of(header_line);
    // `Db:` alone on its line (a comment may follow); `Db: {Type: …}` is not edited.
    let after_key = header_line.split_once(':')?.1.trim();
    if !(after_key.is_empty() || after_key.starts_with('#')) {
        return None;
    }
    // The resource's lines: those after the header indented deeper than it (blank and comment lines
    // included).
    let mut child: Option<usize> = None;
    let mut offset = (header_end + 1).min(text.len());
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let l = &text[offset..end];
        let trimmed = l.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            offset = end + 1;
            continue;
        }
        let n = indent_of(l);
        if n <= own {
            break;
        }
        let child_indent = *child.get_or_insert(n);
        if n == child_indent {
            if let Some(rest) = trimmed.strip_prefix("Properties:") {
                let rest = rest.trim();
                if !(rest.is_empty() || rest.starts_with('#')) {
                    return None;
                }
                // Under it, at the indentation of its first property.
                let next = (end + 1).min(text.len());
                let inner = text[next..]
                    .lines()
                    .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .map(indent_of)
                    .filter(|&i| i > n)
                    .unwrap_or(n + 2);
                let at = text::position(text, starts, next);
                let newline = if end == text.len() { "\n" } else { "" };
                return Some(TextEdit::new(
                    Range::new(at, at),
                    format!("{newline}{}{line}\n", " ".repeat(inner)),
                ));
            }
        }
        offset = end + 1;
    }
    let n = child.unwrap_or(own + 2);
    let next = (header_end + 1).min(text.len());
    let at = text::position(text, starts, next);
    let newline = if header_end == text.len() { "\n" } else { "" };
    Some(TextEdit::new(
        Range::new(at, at),
        format!(
            "{newline}{}Properties:\n{}{line}\n",
            " ".repeat(n),
            " ".repeat(n + 2)
        ),
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
                // A template's resource takes no `"//"` member: its metadata says it.
                Syntax::Json if flag.cloudformation => flag.header.as_ref().and_then(|header| {
                    let entry =
                        serde_json::Value::String(format!("{id} -- TODO: why this is accepted"));
                    let metadata =
                        format!("\"Metadata\": {{\"preflight\": {{\"ignore\": [{entry}]}}}}");
                    // A resource that has metadata already: the user adds the entry to it.
                    match json_member(text, header.start, "Metadata") {
                        Some(_) => None,
                        None => json_insert_first(text, &starts, header.start, &metadata),
                    }
                }),
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
        let fix = self.registry.policies[flag.rule].meta.fix.as_ref()?;
        if flag.cloudformation {
            return cloudformation_fix(flag, fix, text, starts, syntax(uri, text) == Syntax::Json);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with `edit` applied.
    fn applied(text: &str, edit: &TextEdit) -> String {
        let starts = text::line_starts(text);
        let from = text::offset(text, &starts, edit.range.start);
        let to = text::offset(text, &starts, edit.range.end);
        format!("{}{}{}", &text[..from], edit.new_text, &text[to..])
    }

    const YAML: &str = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n  Vol:\n    Type: AWS::EC2::Volume\n";

    #[test]
    fn a_yaml_property_goes_under_properties_or_a_new_properties() {
        let starts = text::line_starts(YAML);
        let db = YAML.find("Db:").expect("db");
        let edit = yaml_add_property(YAML, &starts, db, "StorageEncrypted: true").expect("edit");
        assert_eq!(
            applied(YAML, &edit),
            YAML.replace(
                "    Properties:\n",
                "    Properties:\n      StorageEncrypted: true\n"
            )
        );
        let vol = YAML.find("Vol:").expect("vol");
        let edit = yaml_add_property(YAML, &starts, vol, "Encrypted: true").expect("edit");
        assert_eq!(
            applied(YAML, &edit),
            YAML.replace(
                "  Vol:\n",
                "  Vol:\n    Properties:\n      Encrypted: true\n"
            )
        );
        // A resource in flow style is left to the user.
        let flow = "Resources:\n  Vol: {Type: AWS::EC2::Volume}\n";
        let at = flow.find("Vol").expect("vol");
        assert!(yaml_add_property(flow, &text::line_starts(flow), at, "Encrypted: true").is_none());
    }

    #[test]
    fn json_members_are_found_at_the_objects_own_level() {
        let text =
            r#"{"Db": {"Type": "x", "Metadata": {"Properties": 1}, "Properties": {"A": "}"}}}"#;
        let at = json_member(text, 0, "Db").expect("Db");
        assert!(text[at..].starts_with("{\"Type\""));
        let props = json_member(text, at, "Properties").expect("Properties");
        assert!(text[props..].starts_with("{\"A\""), "{}", &text[props..]);
        assert!(json_member(text, at, "Nope").is_none());
    }
}
