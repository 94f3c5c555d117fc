//! The `# METADATA` block of a Rego policy (regorus does not read it).

use crate::finding::Severity;
use saphyr::{LoadableYamlNode, Yaml};

/// What a policy says about itself.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Metadata {
    pub id: String,
    pub name: String,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub category: String,
    pub recommended_action: String,
    /// The fix in CloudFormation's terms, when it differs (`custom.recommended_action_cloudformation`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended_action_cloudformation: Option<String>,
    pub frameworks: Vec<String>,
    /// Documentation pages (`related_resources: [{ref: URL}]`, as OPA's annotations spell it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// A fix simple enough for an editor to apply (`custom.fix: {attribute, value}`): set a
    /// Terraform attribute of the resource to a value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// `custom.input: raw`: the policy reads the scan's evaluated resources (`input.resources`), not
    /// the model.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub raw: bool,
}

/// `custom.fix`: the Terraform attribute to set and its value (a string, boolean or number).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Fix {
    pub attribute: String,
    pub value: serde_json::Value,
    /// The CloudFormation property that carries the same setting (`property: StorageEncrypted`),
    /// set to `property_value` when given, else to `value`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property_value: Option<serde_json::Value>,
}

impl Fix {
    /// The CloudFormation property and its value, when the rule gives one.
    pub fn cloudformation(&self) -> Option<(&str, &serde_json::Value)> {
        let property = self.property.as_deref()?;
        Some((
            property,
            self.property_value.as_ref().unwrap_or(&self.value),
        ))
    }
}

impl Metadata {
    /// Stands for METADATA that could not be read (never for a built-in policy: a test parses them).
    pub fn unreadable(why: &str) -> Metadata {
        Metadata {
            id: String::new(),
            name: String::new(),
            title: format!("METADATA could not be read: {why}"),
            description: String::new(),
            severity: Severity::High,
            category: String::new(),
            recommended_action: String::new(),
            recommended_action_cloudformation: None,
            frameworks: Vec::new(),
            references: Vec::new(),
            fix: None,
            raw: false,
        }
    }

    /// The fix for a finding, in CloudFormation's terms when it was found in a template.
    pub fn help(&self, cloudformation: bool) -> &str {
        match (&self.recommended_action_cloudformation, cloudformation) {
            (Some(cfn), true) => cfn,
            _ => &self.recommended_action,
        }
    }
}

pub const CATEGORIES: [&str; 3] = ["public-access", "encryption", "sharing"];

/// The fields every policy's METADATA must have.
pub const REQUIRED: [&str; 7] = [
    "title",
    "description",
    "custom.id",
    "custom.name",
    "custom.severity",
    "custom.category",
    "custom.recommended_action",
];

/// Reads the METADATA comment block: the lines after `# METADATA` up to the first non-comment line.
pub fn parse(rego: &str) -> Result<Metadata, String> {
    let mut lines = rego.lines().skip_while(|l| l.trim() != "# METADATA");
    if lines.next().is_none() {
        return Err("no `# METADATA` block".into());
    }
    let yaml: String = lines
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.strip_prefix("# ").unwrap_or(l.trim_start_matches('#')))
        .fold(String::new(), |mut acc, l| {
            acc.push_str(l);
            acc.push('\n');
            acc
        });
    // saphyr's loader recurses once per nesting level: the bounded reader goes first.
    crate::yaml::parse(&yaml).map_err(|e| format!("METADATA is not valid YAML: {}", e.message))?;
    let docs =
        Yaml::load_from_str(&yaml).map_err(|e| format!("METADATA is not valid YAML: {e}"))?;
    let doc = docs.first().ok_or("METADATA is empty")?;
    // Every missing field is named at once, so that one run tells the whole fix.
    let mut missing: Vec<&str> = Vec::new();
    let mut text = |node: Option<&Yaml>, what: &'static str| -> String {
        // Prose is folded to one paragraph: YAML block scalars keep the source's line breaks.
        match node.and_then(|n| n.as_str()) {
            Some(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
            None => {
                missing.push(what);
                String::new()
            }
        }
    };
    let custom = doc.as_mapping_get("custom");
    let get = |key: &str| custom.and_then(|c| c.as_mapping_get(key));
    let id = text(get("id"), "custom.id");
    let name = text(get("name"), "custom.name");
    let title = text(doc.as_mapping_get("title"), "title");
    let description = text(doc.as_mapping_get("description"), "description");
    let severity = text(get("severity"), "custom.severity");
    let category = text(get("category"), "custom.category");
    let recommended_action = text(get("recommended_action"), "custom.recommended_action");
    let recommended_action_cloudformation = get("recommended_action_cloudformation")
        .and_then(|n| n.as_str())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
        return Err(format!("METADATA has no {}", list.join(", ")));
    }
    let severity = Severity::parse(&severity).ok_or(format!(
        "unknown severity `{severity}` (expected critical, high, medium or low)"
    ))?;
    if !CATEGORIES.contains(&category.as_str()) {
        return Err(format!(
            "unknown category `{category}` (expected {})",
            CATEGORIES.join(", ")
        ));
    }
    let frameworks = get("frameworks")
        .and_then(|f| f.as_vec())
        .map(|v| {
            v.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    // `related_resources` is a list of `{ref: URL, description: …}` or of plain URLs.
    let references = doc
        .as_mapping_get("related_resources")
        .and_then(|f| f.as_vec())
        .map(|v| {
            v.iter()
                .filter_map(|x| {
                    x.as_str()
                        .or_else(|| x.as_mapping_get("ref").and_then(|r| r.as_str()))
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    let raw = match get("input").map(|n| n.as_str()) {
        None | Some(Some("model")) => false,
        Some(Some("raw")) => true,
        Some(other) => {
            return Err(format!(
                "unknown custom.input `{}` (expected model or raw)",
                other.unwrap_or("not a string")
            ))
        }
    };
    let fix = match get("fix") {
        None => None,
        Some(node) => Some(fix(node)?),
    };
    Ok(Metadata {
        raw,
        fix,
        references,
        id,
        name,
        title,
        description,
        severity,
        category,
        recommended_action,
        recommended_action_cloudformation,
        frameworks,
    })
}

/// Reads `custom.fix`: a mapping with a string `attribute` and a scalar `value`, and optionally the
/// CloudFormation `property` (and its `property_value` when it is written differently).
fn fix(node: &Yaml) -> Result<Fix, String> {
    let bad = || {
        "`custom.fix` must be a mapping with `attribute` (a name) and `value` (a string, boolean or number), and optionally `property` (a CloudFormation property name) and `property_value`".to_string()
    };
    let name = |key: &str| -> Result<Option<String>, String> {
        match node.as_mapping_get(key) {
            None => Ok(None),
            Some(a) => a
                .as_str()
                .filter(|a| {
                    !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                })
                .map(|a| Some(a.to_string()))
                .ok_or_else(bad),
        }
    };
    let scalar = |v: &Yaml| -> Result<serde_json::Value, String> {
        if let Some(b) = v.as_bool() {
            Ok(serde_json::Value::Bool(b))
        } else if let Some(i) = v.as_integer() {
            Ok(serde_json::Value::from(i))
        } else if let Some(s) = v.as_str() {
            Ok(serde_json::Value::String(s.to_string()))
        } else {
            Err(bad())
        }
    };
    let attribute = name("attribute")?.ok_or_else(bad)?;
    let value = scalar(node.as_mapping_get("value").ok_or_else(bad)?)?;
    let property = name("property")?;
    let property_value = node
        .as_mapping_get("property_value")
        .map(scalar)
        .transpose()?;
    Ok(Fix {
        attribute,
        value,
        property,
        property_value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_block() {
        let rego = "# METADATA\n# title: T\n# description: |\n#   Why.\n# custom:\n#   id: X-1\n#   name: x\n#   severity: high\n#   category: encryption\n#   recommended_action: Fix it\n#   frameworks:\n#     - A 1\n# related_resources:\n#   - ref: https://example.com/a\n#   - https://example.com/b\npackage p\n";
        let m = parse(rego).expect("parses");
        assert_eq!((m.id.as_str(), m.severity), ("X-1", Severity::High));
        assert_eq!(m.description, "Why.");
        assert_eq!(m.frameworks, vec!["A 1"]);
        assert_eq!(
            m.references,
            vec!["https://example.com/a", "https://example.com/b"]
        );
    }

    #[test]
    fn reads_a_fix() {
        let head = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: X-1\n#   name: x\n#   severity: high\n#   category: encryption\n#   recommended_action: R\n";
        let m = parse(&format!(
            "{head}#   fix:\n#     attribute: storage_encrypted\n#     value: true\npackage p\n"
        ))
        .expect("parses");
        let fix = m.fix.expect("a fix");
        assert_eq!(
            (fix.attribute.as_str(), fix.value),
            ("storage_encrypted", serde_json::json!(true))
        );
        let m = parse(&format!(
            "{head}#   fix:\n#     attribute: acl\n#     value: private\npackage p\n"
        ))
        .expect("parses");
        assert_eq!(m.fix.map(|f| f.value), Some(serde_json::json!("private")));
        // The CloudFormation property, with its own spelling of the value.
        let m = parse(&format!(
            "{head}#   fix:\n#     attribute: acl\n#     value: private\n#     property: AccessControl\n#     property_value: Private\npackage p\n"
        ))
        .expect("parses");
        let fix = m.fix.expect("a fix");
        assert_eq!(
            fix.cloudformation(),
            Some(("AccessControl", &serde_json::json!("Private")))
        );
        assert!(parse(&format!(
            "{head}#   fix:\n#     attribute: acl\n#     value: private\n#     property: [x]\npackage p\n"
        ))
        .is_err());
        assert!(parse(&format!("{head}#   fix: yes\npackage p\n")).is_err());
        assert!(parse(&format!(
            "{head}#   fix:\n#     attribute: a b\n#     value: 1\npackage p\n"
        ))
        .is_err());
        assert_eq!(
            parse(&format!("{head}package p\n")).map(|m| m.fix),
            Ok(None)
        );
    }

    #[test]
    fn reads_the_input() {
        let head = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: X-1\n#   name: x\n#   severity: high\n#   category: encryption\n#   recommended_action: R\n";
        assert_eq!(
            parse(&format!("{head}package p\n")).map(|m| m.raw),
            Ok(false)
        );
        assert_eq!(
            parse(&format!("{head}#   input: raw\npackage p\n")).map(|m| m.raw),
            Ok(true)
        );
        assert_eq!(
            parse(&format!("{head}#   input: model\npackage p\n")).map(|m| m.raw),
            Ok(false)
        );
        let err = parse(&format!("{head}#   input: plan\npackage p\n")).expect_err("unknown");
        assert!(err.starts_with("unknown custom.input `plan`"), "{err}");
    }

    #[test]
    fn missing_fields_are_errors() {
        assert!(parse("package p\n").is_err());
        let err = parse("# METADATA\n# title: T\npackage p\n").expect_err("incomplete");
        assert!(err.starts_with("METADATA has no"), "{err}");
        // Every missing field is named, not only the first.
        for field in REQUIRED.iter().filter(|f| **f != "title") {
            assert!(err.contains(&format!("`{field}`")), "{field}: {err}");
        }
        let err = parse("# METADATA\n# title: T\n# description: D\n# custom:\n#   name: n\n#   category: sharing\n#   recommended_action: R\npackage p\n").expect_err("incomplete");
        assert_eq!(err, "METADATA has no `custom.id`, `custom.severity`");
    }
}
