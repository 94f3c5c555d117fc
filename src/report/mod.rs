//! Output formats. The only module that knows them.

pub mod compact;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
mod snippet;
pub mod terminal;

use crate::finding::{Finding, ScanError, Severity};
use crate::policy::Registry;
use crate::source::{LineCol, SourceMap};
use crate::Outcome;

/// The reported position of a finding: the first line of its span (an attribute, or a resource header).
pub struct Position {
    pub file: String,
    pub start: LineCol,
    pub end: LineCol,
    pub range: std::ops::Range<usize>,
}

pub fn finding_position(f: &Finding, sources: &SourceMap) -> Position {
    let file = sources.get(f.span.file);
    let range = file.first_line(&f.span.range);
    Position {
        file: file.display.clone(),
        start: file.line_col(range.start),
        end: file.line_col(range.end),
        range,
    }
}

/// Where preflight's source and documentation live (Cargo.toml `repository`).
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The rule's section in the rule reference (docs/rules.md) on the repository; for a rule from
/// `--policy`, its first reference, if any.
pub fn rule_uri(policy: &crate::policy::Policy) -> Option<String> {
    if policy.custom {
        policy.meta.references.first().cloned()
    } else {
        Some(format!(
            "{REPOSITORY}/blob/main/docs/rules.md#{}",
            policy.meta.id.to_lowercase()
        ))
    }
}

/// File and 1-based position of an error (1:1 when it has no location, such as an unreadable file).
pub fn error_position(e: &ScanError, sources: &SourceMap) -> (String, LineCol) {
    match (&e.span, e.file) {
        (Some(span), _) => {
            let file = sources.get(span.file);
            (file.display.clone(), file.line_col(span.range.start))
        }
        (None, Some(id)) => (
            sources.get(id).display.clone(),
            LineCol { line: 1, column: 1 },
        ),
        (None, None) => (
            e.path.clone().unwrap_or_default(),
            LineCol { line: 1, column: 1 },
        ),
    }
}

/// Findings at or above `fail_on`.
pub fn failing(outcome: &Outcome, registry: &Registry, fail_on: Option<Severity>) -> usize {
    match fail_on {
        None => 0,
        Some(min) => outcome
            .findings
            .iter()
            .filter(|f| registry.policies[f.rule].meta.severity >= min)
            .count(),
    }
}

/// One rule's documentation as plain text (`preflight explain ID`).
pub fn explain(policy: &crate::policy::Policy) -> String {
    let m = &policy.meta;
    let mut out = format!(
        "{}: {}\n{} · severity {} · {} · source {}\n\n",
        m.id, m.title, m.name, m.severity, m.category, policy.source_path
    );
    let mut section = |heading: &str, text: &str| {
        out.push_str(heading);
        out.push('\n');
        out.push_str(&wrap(text, 100, "  "));
        out.push('\n');
    };
    section("Why it matters", &m.description);
    section("Fix (Terraform)", &m.recommended_action);
    if let Some(cfn) = &m.recommended_action_cloudformation {
        section("Fix (CloudFormation)", cfn);
    }
    if !m.frameworks.is_empty() {
        section("Frameworks", &m.frameworks.join("; "));
    }
    if !m.references.is_empty() {
        out.push_str("References\n");
        for r in &m.references {
            out.push_str(&format!("  {r}\n"));
        }
    }
    out.trim_end().to_string() + "\n"
}

/// `text` wrapped at `width` columns, every line starting with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        if line.len() > indent.len() && line.len() + 1 + word.len() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if line.len() > indent.len() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The rule reference (`docs/rules.md`), generated from the policies' METADATA.
/// The cloud a rule ID belongs to, by its prefix (`AWS-S3-001` → `AWS`); custom prefixes as written.
pub fn cloud_name(id: &str) -> &str {
    match id.split('-').next().unwrap_or(id) {
        "AWS" => "AWS",
        "AZURE" => "Azure",
        "GCP" => "Google Cloud",
        other => other,
    }
}

pub fn rules_markdown(registry: &Registry) -> String {
    let mut out = String::from(
        "# Built-in rules\n\nGenerated from each policy's `# METADATA` by `preflight rules --format markdown`; \
         a test fails when this file is out of date.\n",
    );
    // One index table per cloud (the policies come sorted by ID, so each cloud's rules are together).
    let mut current = None;
    for p in &registry.policies {
        let m = &p.meta;
        let cloud = cloud_name(&m.id);
        if current != Some(cloud) {
            out.push_str(&format!(
                "\n**{cloud}**\n\n| ID | Name | Severity | Category | Title |\n|---|---|---|---|---|\n"
            ));
            current = Some(cloud);
        }
        out.push_str(&format!(
            "| [{id}](#{anchor}) | `{}` | {} | {} | {} |\n",
            m.name,
            m.severity,
            m.category,
            m.title,
            id = m.id,
            anchor = m.id.to_lowercase()
        ));
    }
    for p in &registry.policies {
        let m = &p.meta;
        out.push_str(&format!(
            "\n## {}\n\n**{}** · `{}` · severity {} · {} · source `{}`\n\n{}\n\n**Fix.** {}\n",
            m.id,
            m.title,
            m.name,
            m.severity,
            m.category,
            p.source_path,
            m.description,
            m.recommended_action
        ));
        if let Some(cfn) = &m.recommended_action_cloudformation {
            out.push_str(&format!("\n**Fix (CloudFormation).** {cfn}\n"));
        }
        if !m.frameworks.is_empty() {
            out.push_str(&format!("\n**Frameworks.** {}\n", m.frameworks.join("; ")));
        }
        if !m.references.is_empty() {
            let links: Vec<String> = m.references.iter().map(|r| format!("<{r}>")).collect();
            out.push_str(&format!("\n**References.** {}\n", links.join(" · ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cloud_name;

    #[test]
    fn rule_ids_name_their_cloud() {
        assert_eq!(cloud_name("AWS-S3-001"), "AWS");
        assert_eq!(cloud_name("AZURE-STORAGE-001"), "Azure");
        assert_eq!(cloud_name("GCP-GCS-001"), "Google Cloud");
        assert_eq!(cloud_name("ACME-TAGS-001"), "ACME");
    }
}
