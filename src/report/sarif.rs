//! `--format sarif`: SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read it.
//!
//! One run. Its driver lists one `reportingDescriptor` per rule that fired (suppressed findings
//! included), with the rule's title, description, fix (text and Markdown), a link to its section of
//! the rule reference and GitHub's `security-severity`. Each finding is a result pointing at its
//! descriptor by `ruleIndex`, located by a URI relative to the repository root (`%SRCROOT%`: the
//! nearest directory above the working directory holding `.git`, else the working directory), with
//! the value's trace (a variable's default, a tfvars line, a template parameter's default) as related
//! locations and a fingerprint that ignores line numbers ([`crate::fingerprint`], shared with baselines). Suppressed findings
//! are results with an in-source suppression and its justification. Files that could not be read or
//! parsed, and warnings, are the invocation's tool execution notifications.
//!
//! The types are serde-sarif's (generated from the schema); columns count Unicode code points, as
//! the run's `columnKind` says, and end columns are exclusive.

use super::{error_position, rule_uri, REPOSITORY};
use crate::finding::{Finding, Severity};
use crate::policy::Registry;
use crate::source::SourceMap;
use crate::Outcome;
use serde_sarif::sarif as s;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The URI base every location is relative to.
pub const SRCROOT: &str = "%SRCROOT%";
/// The `partialFingerprints` key (versioned: a change to what it hashes gets a new key).
pub const FINGERPRINT_KEY: &str = "preflight/v2";

/// Where URIs are relative to, and how to name a file.
struct Root {
    cwd: PathBuf,
    root: PathBuf,
}

impl Root {
    fn new(cwd: &Path) -> Root {
        let cwd = normalize(cwd);
        let root = cwd
            .ancestors()
            .find(|d| d.join(".git").exists())
            .unwrap_or(&cwd)
            .to_path_buf();
        Root { cwd, root }
    }

    /// The artifact location of `path` (as the scan named it): relative to the root when under it,
    /// else an absolute `file:` URI.
    fn location(&self, path: &Path) -> s::ArtifactLocation {
        let abs = normalize(&self.cwd.join(path));
        match abs.strip_prefix(&self.root) {
            Ok(rel) => s::ArtifactLocation::builder()
                .uri(uri_path(rel))
                .uri_base_id(SRCROOT)
                .build(),
            Err(_) => s::ArtifactLocation::builder()
                .uri(format!("file://{}", uri_path(&abs)))
                .build(),
        }
    }
}

/// `path` without `.` and with `..` applied, lexically.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c.as_os_str()),
        }
    }
    out
}

/// A path as a URI path: `/`-separated, every byte outside the unreserved set percent-encoded.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    let mut first = true;
    for c in path.components() {
        let part = match c {
            Component::RootDir => {
                out.push('/');
                continue;
            }
            Component::Prefix(p) => p.as_os_str().to_string_lossy().into_owned(),
            c => c.as_os_str().to_string_lossy().into_owned(),
        };
        if !first && !out.ends_with('/') {
            out.push('/');
        }
        first = false;
        for b in part.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// GitHub's scale: 9.0 and up critical, 7.0 high, 4.0 medium, below low.
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

fn level(s: Severity) -> s::ResultLevel {
    match s {
        Severity::Critical | Severity::High => s::ResultLevel::Error,
        Severity::Medium => s::ResultLevel::Warning,
        Severity::Low => s::ResultLevel::Note,
    }
}

fn level_name(s: Severity) -> &'static str {
    match level(s) {
        s::ResultLevel::Error => "error",
        s::ResultLevel::Warning => "warning",
        _ => "note",
    }
}

fn text(t: impl Into<String>) -> s::Message {
    s::Message::builder().text(t.into()).build()
}

fn descriptor(policy: &crate::policy::Policy) -> s::ReportingDescriptor {
    let m = &policy.meta;
    let mut help_text = format!("Fix (Terraform): {}", m.recommended_action);
    let mut help_md = format!("**Fix (Terraform).** {}", m.recommended_action);
    if let Some(cfn) = &m.recommended_action_cloudformation {
        help_text.push_str(&format!("\n\nFix (CloudFormation): {cfn}"));
        help_md.push_str(&format!("\n\n**Fix (CloudFormation).** {cfn}"));
    }
    help_text.push_str(&format!("\n\nWhy: {}", m.description));
    help_md.push_str(&format!("\n\n**Why.** {}", m.description));
    if !m.references.is_empty() {
        help_text.push_str(&format!("\n\nReferences: {}", m.references.join(" ")));
        let links: Vec<String> = m.references.iter().map(|r| format!("<{r}>")).collect();
        help_md.push_str(&format!("\n\n**References.** {}", links.join(" · ")));
    }
    help_text.push_str(&format!("\n\nMore: preflight explain {}", m.id));
    let mut props = BTreeMap::new();
    props.insert(
        "security-severity".to_string(),
        serde_json::Value::from(security_severity(m.severity)),
    );
    props.insert("precision".to_string(), "high".into());
    props.insert(
        "problem.severity".to_string(),
        level_name(m.severity).into(),
    );
    props.insert("severity".to_string(), m.severity.as_str().into());
    props.insert("category".to_string(), m.category.as_str().into());
    if !m.frameworks.is_empty() {
        props.insert("frameworks".to_string(), m.frameworks.clone().into());
    }
    let mut tags = vec!["security".to_string(), m.category.clone()];
    tags.dedup();
    let mut descriptor = s::ReportingDescriptor::builder()
        .id(m.id.clone())
        .name(m.name.clone())
        .short_description(
            s::MultiformatMessageString::builder()
                .text(m.title.clone())
                .build(),
        )
        .full_description(
            s::MultiformatMessageString::builder()
                .text(m.description.clone())
                .build(),
        )
        .help(
            s::MultiformatMessageString::builder()
                .text(help_text)
                .markdown(help_md)
                .build(),
        )
        .default_configuration(
            s::ReportingConfiguration::builder()
                .level(serde_json::Value::from(level_name(m.severity)))
                .build(),
        )
        .properties(
            s::PropertyBag::builder()
                .tags(tags)
                .additional_properties(props)
                .build(),
        )
        .build();
    descriptor.help_uri = rule_uri(policy);
    descriptor
}

fn region(sources: &SourceMap, span: &crate::source::Span) -> s::Region {
    let file = sources.get(span.file);
    let range = file.first_line(&span.range);
    let (start, end) = (file.line_col(range.start), file.line_col(range.end));
    s::Region::builder()
        .start_line(start.line as i64)
        .start_column(start.column as i64)
        .end_line(end.line as i64)
        .end_column(end.column as i64)
        .build()
}

struct Writer<'o> {
    outcome: &'o Outcome,
    registry: &'o Registry,
    root: Root,
    /// Registry index → index in the driver's rules.
    rule_index: BTreeMap<usize, usize>,
}

impl Writer<'_> {
    fn result(&self, f: &Finding, reason: Option<Option<&String>>) -> s::Result {
        let meta = &self.registry.policies[f.rule].meta;
        let sources = &self.outcome.sources;
        let file = sources.get(f.span.file);
        let artifact = self.root.location(&file.path);
        let location = s::Location::builder()
            .physical_location(
                s::PhysicalLocation::builder()
                    .artifact_location(artifact)
                    .region(region(sources, &f.span))
                    .build(),
            )
            .logical_locations(vec![s::LogicalLocation::builder()
                .fully_qualified_name(f.resource.clone())
                .kind("resource")
                .build()])
            .build();
        let related: Vec<s::Location> = f
            .trace
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let b = s::Location::builder()
                    .id(i as i64)
                    .message(text(t.note.clone()));
                match &t.span {
                    Some(span) => b
                        .physical_location(
                            s::PhysicalLocation::builder()
                                .artifact_location(self.root.location(&sources.get(span.file).path))
                                .region(region(sources, span))
                                .build(),
                        )
                        .build(),
                    None => b.build(),
                }
            })
            .collect();
        let mut message = f.message.clone();
        let hints: Vec<&str> = f.trace.iter().filter_map(|t| t.hint.as_deref()).collect();
        for h in hints {
            message.push_str(&format!(" ({h})"));
        }
        let mut fingerprints = BTreeMap::new();
        fingerprints.insert(
            FINGERPRINT_KEY.to_string(),
            // The baseline's fingerprint, with paths from the repository root: the same identity
            // in both places, never line numbers.
            crate::fingerprint::of(f, &meta.id, sources, &|p: &Path| {
                crate::fingerprint::relative(p, &self.root.root, &self.root.cwd)
            }),
        );
        let mut props = BTreeMap::new();
        props.insert("resource".to_string(), f.resource.clone().into());
        props.insert("severity".to_string(), meta.severity.as_str().into());
        let mut result = s::Result::builder()
            .rule_id(meta.id.clone())
            .rule_index(self.rule_index.get(&f.rule).copied().unwrap_or(0) as i64)
            .level(level(meta.severity))
            .message(text(message))
            .locations(vec![location])
            .partial_fingerprints(fingerprints)
            .properties(
                s::PropertyBag::builder()
                    .additional_properties(props)
                    .build(),
            )
            .build();
        if !related.is_empty() {
            result.related_locations = Some(related);
        }
        if let Some(reason) = reason {
            let mut suppression = s::Suppression::builder()
                .kind(serde_json::Value::from("inSource"))
                .status(serde_json::Value::from("accepted"))
                .build();
            suppression.justification = reason.cloned();
            result.suppressions = Some(vec![suppression]);
        }
        result
    }

    fn notification(&self, e: &crate::finding::ScanError, level: &str) -> s::Notification {
        let sources = &self.outcome.sources;
        let (_, lc) = error_position(e, sources);
        let file = e
            .span
            .as_ref()
            .map(|span| span.file)
            .or(e.file)
            .map(|id| sources.get(id).path.clone())
            .or_else(|| e.path.as_ref().map(PathBuf::from));
        let mut note = s::Notification::builder()
            .message(text(e.message.clone()))
            .level(serde_json::Value::from(level))
            .build();
        if let Some(path) = file {
            let region = match &e.span {
                Some(span) => self::region(sources, span),
                None => s::Region::builder()
                    .start_line(lc.line as i64)
                    .start_column(lc.column as i64)
                    .build(),
            };
            note.locations = Some(vec![s::Location::builder()
                .physical_location(
                    s::PhysicalLocation::builder()
                        .artifact_location(self.root.location(&path))
                        .region(region)
                        .build(),
                )
                .build()]);
        }
        note
    }
}

/// The SARIF log of `outcome`; URIs are relative to the repository holding `cwd` (the directory the
/// scan's relative paths are relative to).
pub fn render(outcome: &Outcome, registry: &Registry, cwd: &Path) -> String {
    let mut fired: Vec<usize> = outcome
        .findings
        .iter()
        .map(|f| f.rule)
        .chain(outcome.suppressed_findings.iter().map(|s| s.finding.rule))
        .collect();
    fired.sort_unstable();
    fired.dedup();
    let writer = Writer {
        outcome,
        registry,
        root: Root::new(cwd),
        rule_index: fired.iter().enumerate().map(|(i, &r)| (r, i)).collect(),
    };
    let rules: Vec<s::ReportingDescriptor> = fired
        .iter()
        .map(|&r| descriptor(&registry.policies[r]))
        .collect();
    let mut results: Vec<s::Result> = outcome
        .findings
        .iter()
        .map(|f| writer.result(f, None))
        .collect();
    results.extend(
        outcome
            .suppressed_findings
            .iter()
            .map(|s| writer.result(&s.finding, Some(s.reason.as_ref()))),
    );
    let notifications: Vec<s::Notification> = outcome
        .errors
        .iter()
        .map(|e| writer.notification(e, "error"))
        .chain(
            outcome
                .warnings
                .iter()
                .map(|w| writer.notification(w, "warning")),
        )
        .collect();
    let version = env!("CARGO_PKG_VERSION");
    let driver = s::ToolComponent::builder()
        .name("preflight")
        .version(version)
        .semantic_version(version)
        .information_uri(REPOSITORY)
        .rules(rules)
        .build();
    let invocation = s::Invocation::builder()
        .execution_successful(outcome.errors.is_empty())
        .tool_execution_notifications(notifications)
        .build();
    let run = s::Run::builder()
        .tool(s::Tool::builder().driver(driver).build())
        .invocations(vec![invocation])
        .results(results)
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .build();
    let log = s::Sarif::builder()
        .schema(s::SCHEMA_URL)
        .version(serde_json::Value::from("2.1.0"))
        .runs(vec![run])
        .build();
    let mut out =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_relative_paths() {
        assert_eq!(
            uri_path(Path::new("infra/a b/#1%.tf")),
            "infra/a%20b/%231%25.tf"
        );
        assert_eq!(uri_path(Path::new("/abs/x.tf")), "/abs/x.tf");
        // A colon in a first segment would read as a scheme.
        assert_eq!(uri_path(Path::new("a:b.tf")), "a%3Ab.tf");
        assert_eq!(uri_path(Path::new("dir/é.tf")), "dir/%C3%A9.tf");
    }

    #[test]
    fn locations_are_relative_to_the_repository_root() {
        let dir = std::env::temp_dir().join(format!("preflight-sarif-{}", std::process::id()));
        let sub = dir.join("infra/prod");
        std::fs::create_dir_all(&sub).ok();
        std::fs::create_dir_all(dir.join(".git")).ok();
        let root = Root::new(&sub);
        let loc = root.location(Path::new("./main.tf"));
        assert_eq!(loc.uri.as_deref(), Some("infra/prod/main.tf"));
        assert!(loc.uri_base_id.is_some());
        let out = root.location(Path::new("../../../elsewhere/x.tf"));
        assert!(out
            .uri
            .as_deref()
            .is_some_and(|u| u.starts_with("file:///")));
        assert!(out.uri_base_id.is_none());
        std::fs::remove_dir_all(&dir).ok();
    }
}
