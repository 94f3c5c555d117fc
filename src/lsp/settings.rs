//! The language server's settings: `preflight.toml` (when the project has one), then the client's
//! `initializationOptions`, then each `workspace/didChangeConfiguration` (later sources win field by
//! field).

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What the user can set. Keys are camelCase in JSON (`varFiles`), and snake_case is accepted too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Terraform variable files applied to every module scanned (`--var-file`), relative to the
    /// workspace root.
    pub var_files: Vec<PathBuf>,
    /// `--var name=value`.
    pub vars: Vec<(String, String)>,
    /// CloudFormation parameter files (`--cfn-params`) and values (`--cfn-param`).
    pub cfn_param_files: Vec<PathBuf>,
    pub cfn_params: Vec<(String, String)>,
    /// Directories of custom Rego policies (`--policy`).
    pub policy_dirs: Vec<PathBuf>,
    /// Show the checks that unknown values left undecided, as hints.
    pub show_undecided: bool,
    /// Quiet time after a keystroke before the buffer is scanned again.
    pub debounce_ms: u64,
    /// Where rule documentation is: each diagnostic links to `<rules_url>#<rule-id>`.
    pub rules_url: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            var_files: Vec::new(),
            vars: Vec::new(),
            cfn_param_files: Vec::new(),
            cfn_params: Vec::new(),
            policy_dirs: Vec::new(),
            show_undecided: false,
            debounce_ms: 150,
            rules_url: default_rules_url(),
        }
    }
}

/// The rule reference (docs/rules.md) in the repository the binary was built from.
fn default_rules_url() -> String {
    let repo = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    if repo.is_empty() {
        "https://docs.rs/crate/preflight/latest/source/docs/rules.md".to_string()
    } else {
        format!("{repo}/blob/main/docs/rules.md")
    }
}

/// The JSON shape of the settings; every field optional, so a client sends only what it changes.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Partial {
    #[serde(alias = "var_files")]
    var_files: Option<Vec<String>>,
    vars: Option<std::collections::BTreeMap<String, serde_json::Value>>,
    #[serde(alias = "cfn_param_files")]
    cfn_param_files: Option<Vec<String>>,
    #[serde(alias = "cfn_params")]
    cfn_params: Option<std::collections::BTreeMap<String, serde_json::Value>>,
    #[serde(alias = "policy_dirs", alias = "policies")]
    policy_dirs: Option<Vec<String>>,
    #[serde(alias = "show_undecided", alias = "showUnknown")]
    show_undecided: Option<bool>,
    #[serde(alias = "debounce_ms")]
    debounce_ms: Option<u64>,
    #[serde(alias = "rules_url")]
    rules_url: Option<String>,
}

/// A setting's value as Terraform's `--var` would take it: strings as written, anything else as JSON.
fn flag_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Settings {
    /// Lays the JSON settings a client sent over these. Accepts the settings object itself or one
    /// wrapped in `{"preflight": {...}}` (what `didChangeConfiguration` usually sends). Relative
    /// paths are taken from `root`. Returns what could not be read.
    pub fn update(&mut self, json: &serde_json::Value, root: &Path) -> Result<(), String> {
        let json = json.get("preflight").unwrap_or(json);
        if json.is_null() {
            return Ok(());
        }
        let p: Partial = serde_json::from_value(json.clone())
            .map_err(|e| format!("preflight settings not understood: {e}"))?;
        let paths = |v: Vec<String>| v.into_iter().map(|s| root.join(s)).collect::<Vec<_>>();
        let pairs = |m: std::collections::BTreeMap<String, serde_json::Value>| {
            m.iter()
                .map(|(k, v)| (k.clone(), flag_value(v)))
                .collect::<Vec<_>>()
        };
        if let Some(v) = p.var_files {
            self.var_files = paths(v);
        }
        if let Some(v) = p.vars {
            self.vars = pairs(v);
        }
        if let Some(v) = p.cfn_param_files {
            self.cfn_param_files = paths(v);
        }
        if let Some(v) = p.cfn_params {
            self.cfn_params = pairs(v);
        }
        if let Some(v) = p.policy_dirs {
            self.policy_dirs = paths(v);
        }
        if let Some(v) = p.show_undecided {
            self.show_undecided = v;
        }
        if let Some(v) = p.debounce_ms {
            self.debounce_ms = v.min(10_000);
        }
        if let Some(v) = p.rules_url {
            self.rules_url = v;
        }
        Ok(())
    }
}

/// The hook for the project's configuration file: settings that `preflight.toml` at the workspace root
/// gives, as the same JSON object `initializationOptions` takes, or `None` when there is no such file.
///
/// The configuration file's reader lives with the command line's options; until it is merged this
/// reads the keys the server understands from a `[lsp]`-free flat subset of the file: `var_files`,
/// `cfn_param_files`, `policy_dirs` (arrays of strings) and `show_undecided` (a boolean), one per line.
pub fn from_config_file(root: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(root.join("preflight.toml")).ok()?;
    let mut out = serde_json::Map::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        let value = value.trim();
        match key {
            "var_files" | "cfn_param_files" | "policy_dirs" => {
                // A one-line array of strings: ["a", "b"].
                let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) else {
                    continue;
                };
                let items: Vec<serde_json::Value> = inner
                    .split(',')
                    .map(|s| s.trim().trim_matches('"'))
                    .filter(|s| !s.is_empty())
                    .map(|s| serde_json::Value::String(s.to_string()))
                    .collect();
                out.insert(key.to_string(), serde_json::Value::Array(items));
            }
            "show_undecided" | "show_unknown" => {
                if let Ok(b) = value.parse::<bool>() {
                    out.insert("show_undecided".into(), serde_json::Value::Bool(b));
                }
            }
            _ => {}
        }
    }
    Some(serde_json::Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_settings_win_field_by_field() {
        let mut s = Settings::default();
        let root = Path::new("/w");
        s.update(
            &serde_json::json!({"varFiles": ["prod.tfvars"], "showUndecided": true}),
            root,
        )
        .unwrap_or_default();
        s.update(
            &serde_json::json!({"preflight": {"cfnParams": {"Env": "prod", "N": 2}}}),
            root,
        )
        .unwrap_or_default();
        assert_eq!(s.var_files, vec![PathBuf::from("/w/prod.tfvars")]);
        assert!(s.show_undecided);
        assert_eq!(
            s.cfn_params,
            vec![("Env".into(), "prod".into()), ("N".into(), "2".into())]
        );
        assert!(s
            .update(&serde_json::json!({"showUndecided": "yes"}), root)
            .is_err());
    }
}
