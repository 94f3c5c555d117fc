//! The language server's settings: `preflight.toml` (when the project has one), then the client's
//! `initializationOptions`, then each `workspace/didChangeConfiguration` (later sources win field by
//! field).

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What the user can set. Keys are camelCase in JSON (`varFiles`), and snake_case is accepted too.
#[derive(Debug, Clone)]
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
    /// What `preflight.toml` says beyond the inputs above: rules selected and ignored, excluded
    /// paths, severity overrides.
    pub project: crate::config::Settings,
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
            project: crate::config::Settings::default(),
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

/// The project's `preflight.toml` (at the workspace root or above it, up to the repository's root),
/// read by the command line's own reader: `None` when there is none; an error, located in the file,
/// when it is wrong.
pub fn from_config_file(root: &Path) -> Result<Option<crate::config::Settings>, String> {
    let Some(path) = crate::config::find(root) else {
        return Ok(None);
    };
    let config = crate::config::Config::load(&path, root).map_err(|e| {
        let at = e.line().map(|l| format!(":{l}")).unwrap_or_default();
        format!("{}{at}: {e}", path.display())
    })?;
    Ok(Some(crate::config::Settings::merge(
        Some(&config),
        crate::config::Flags::default(),
    )))
}

impl Settings {
    /// Takes the inputs `preflight.toml` names (variable files, parameter files, policy
    /// directories) and keeps its selection, exclusions and severity overrides for every scan.
    pub fn apply_project(&mut self, project: crate::config::Settings) {
        self.var_files = project.var_files.clone();
        self.cfn_param_files = project.cfn_params.clone();
        self.policy_dirs = project.policies.clone();
        self.project = project;
    }
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
