//! `preflight.toml`: the project's settings for `preflight check`.
//!
//! Looked up from the working directory upward, stopping at the repository root (the directory that
//! holds `.git`), or named with `--config FILE`. Every key is checked: an unknown key, a value of the
//! wrong type, a rule that does not exist, a glob that does not parse or a file that is not there is an
//! error located in the TOML, never ignored. Relative paths and globs are relative to the file's
//! directory. The command line wins over the file (see [`Settings`]). Knows nothing of scanning: it
//! produces the values a `Request` carries ([`Selection`], [`Exclude`]).

// A configuration error ends the run: its size on the error path does not matter.
#![allow(clippy::result_large_err)]

use crate::finding::Severity;
use crate::policy::Registry;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The name looked up in the working directory and its parents.
pub const FILE_NAME: &str = "preflight.toml";

/// A severity as written (`fail-on` also takes `none`).
fn severity_value(text: &str, none: bool) -> Option<Option<Severity>> {
    match text {
        "none" if none => Some(None),
        _ => Severity::parse(text).map(Some),
    }
}

/// The file as written (serde with spans).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    fail_on: Option<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    var_files: Option<Vec<Spanned<String>>>,
    cfn_params: Option<Vec<Spanned<String>>>,
    policies: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    strict_suppressions: Option<bool>,
    baseline: Option<Spanned<String>>,
}

/// A problem in the configuration file, located in it; or a bad rule named on the command line.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
#[diagnostic(code(preflight::config))]
pub struct ConfigError {
    message: String,
    #[source_code]
    source_code: Option<miette::NamedSource<String>>,
    #[label("{label}")]
    span: Option<miette::SourceSpan>,
    label: String,
    #[help]
    help: Option<String>,
}

impl ConfigError {
    /// The 1-based line of the file the error points at, when it points at one.
    pub fn line(&self) -> Option<usize> {
        let offset = self.span?.offset();
        let text = self.source_code.as_ref()?.inner();
        Some(text.get(..offset)?.matches('\n').count() + 1)
    }

    fn plain(message: String, help: Option<String>) -> ConfigError {
        ConfigError {
            message,
            source_code: None,
            span: None,
            label: String::new(),
            help,
        }
    }
}

/// A value read from the file, with where it is written.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub value: T,
    pub span: std::ops::Range<usize>,
}

impl<T> Located<T> {
    fn from(s: Spanned<T>) -> Located<T> {
        let span = s.span();
        Located {
            value: s.into_inner(),
            span,
        }
    }
}

/// A loaded `preflight.toml`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file read.
    pub path: PathBuf,
    /// Its directory (absolute): relative paths and globs start here.
    pub dir: PathBuf,
    text: String,
    /// `Some(None)` for `fail-on = "none"`.
    pub fail_on: Option<Option<Severity>>,
    pub select: Option<Vec<Located<String>>>,
    pub ignore: Option<Vec<Located<String>>>,
    pub exclude: Option<Exclude>,
    pub var_files: Vec<PathBuf>,
    pub cfn_params: Vec<PathBuf>,
    pub policies: Vec<PathBuf>,
    pub severity: Vec<(Located<String>, Severity)>,
    pub strict_suppressions: Option<bool>,
    pub baseline: Option<PathBuf>,
}

/// The `preflight.toml` that applies in `cwd`: in it or in a parent, up to the directory that holds
/// `.git` (included).
pub fn find(cwd: &Path) -> Option<PathBuf> {
    for dir in cwd.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

impl Config {
    /// Reads and checks the file at `path` (`cwd` makes a relative path absolute).
    pub fn load(path: &Path, cwd: &Path) -> Result<Config, ConfigError> {
        let path = crate::terraform::module::normalize(&cwd.join(path));
        let text = std::fs::read_to_string(&path).map_err(|e| {
            ConfigError::plain(
                format!("cannot read configuration {}: {e}", path.display()),
                None,
            )
        })?;
        Config::parse(&path, text)
    }

    /// Checks `text` as the content of the file at `path` (absolute).
    pub fn parse(path: &Path, text: String) -> Result<Config, ConfigError> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let raw: Raw = match toml::from_str(&text) {
            Ok(raw) => raw,
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let message = e.message().trim_end().to_string();
                return Err(located(path, &text, span, message, None));
            }
        };
        let at = |span: std::ops::Range<usize>, message: String, help: Option<String>| {
            located(path, &text, span, message, help)
        };
        let existing = |list: Option<Vec<Spanned<String>>>,
                        want_dir: bool,
                        what: &str|
         -> Result<Vec<PathBuf>, ConfigError> {
            let mut out = Vec::new();
            for item in list.unwrap_or_default() {
                let item = Located::from(item);
                let full = crate::terraform::module::normalize(&dir.join(&item.value));
                let ok = if want_dir {
                    full.is_dir()
                } else {
                    full.is_file()
                };
                if !ok {
                    return Err(at(
                        item.span,
                        format!(
                            "{what} `{}` does not exist ({} relative to {})",
                            item.value,
                            if want_dir { "a directory" } else { "a file" },
                            dir.display()
                        ),
                        None,
                    ));
                }
                out.push(full);
            }
            Ok(out)
        };
        let var_files = existing(raw.var_files, false, "variable file")?;
        let cfn_params = existing(raw.cfn_params, false, "CloudFormation parameter file")?;
        let policies = existing(raw.policies, true, "policy directory")?;
        let exclude = match raw.exclude {
            None => None,
            Some(list) => {
                let list: Vec<Located<String>> = list.into_iter().map(Located::from).collect();
                let patterns: Vec<(String, std::ops::Range<usize>)> =
                    list.into_iter().map(|l| (l.value, l.span)).collect();
                Some(
                    Exclude::new(dir.clone(), &patterns)
                        .map_err(|(span, message)| at(span, message, None))?,
                )
            }
        };
        let fail_on = match raw.fail_on.map(Located::from) {
            None => None,
            Some(f) => match severity_value(&f.value, true) {
                Some(v) => Some(v),
                None => {
                    return Err(at(
                        f.span,
                        format!("`fail-on` cannot be `{}`", f.value),
                        Some("expected one of: low, medium, high, critical, none".into()),
                    ))
                }
            },
        };
        let mut severity = Vec::new();
        for (rule, level) in raw.severity.unwrap_or_default() {
            let level = Located::from(level);
            match severity_value(&level.value, false) {
                Some(Some(v)) => severity.push((Located::from(rule), v)),
                _ => {
                    return Err(at(
                        level.span,
                        format!("a severity cannot be `{}`", level.value),
                        Some("expected one of: low, medium, high, critical".into()),
                    ))
                }
            }
        }
        let located_list =
            |l: Option<Vec<Spanned<String>>>| l.map(|v| v.into_iter().map(Located::from).collect());
        Ok(Config {
            path: path.to_path_buf(),
            fail_on,
            select: located_list(raw.select),
            ignore: located_list(raw.ignore),
            exclude,
            var_files,
            cfn_params,
            policies,
            severity,
            strict_suppressions: raw.strict_suppressions,
            baseline: raw
                .baseline
                .map(|b| crate::terraform::module::normalize(&dir.join(b.into_inner()))),
            dir,
            text,
        })
    }

    /// Checks the rules the file names (`select`, `ignore`, `severity`) against the loaded policies.
    pub fn check_rules(&self, registry: &Registry) -> Result<(), ConfigError> {
        let lists = [("select", &self.select), ("ignore", &self.ignore)];
        for (key, list) in lists {
            for item in list.iter().flatten() {
                if let Err(help) = check_pattern(&item.value, registry, true) {
                    return Err(self.at(
                        item.span.clone(),
                        format!("`{key}` names no rule `{}`", item.value),
                        Some(help),
                    ));
                }
            }
        }
        for (rule, _) in &self.severity {
            if let Err(help) = check_pattern(&rule.value, registry, false) {
                return Err(self.at(
                    rule.span.clone(),
                    format!("`severity` names no rule `{}`", rule.value),
                    Some(help),
                ));
            }
        }
        Ok(())
    }

    fn at(
        &self,
        span: std::ops::Range<usize>,
        message: String,
        help: Option<String>,
    ) -> ConfigError {
        located(&self.path, &self.text, span, message, help)
    }
}

fn located(
    path: &Path,
    text: &str,
    span: std::ops::Range<usize>,
    message: String,
    help: Option<String>,
) -> ConfigError {
    let label = "here".to_string();
    ConfigError {
        message: format!("{}: {message}", path.display()),
        source_code: Some(miette::NamedSource::new(
            path.display().to_string(),
            text.to_string(),
        )),
        span: Some((span.start, span.end.saturating_sub(span.start)).into()),
        label,
        help,
    }
}

/// True when `pattern` names the rule: its ID (any case), its name, or a prefix of its ID that ends
/// before a `-` (`AWS-S3` names `AWS-S3-001`; `AWS-S` names nothing).
pub fn names(pattern: &str, id: &str, name: &str) -> bool {
    let (p, id) = (pattern.to_ascii_uppercase(), id.to_ascii_uppercase());
    p == id
        || pattern == name
        || (id.len() > p.len() && id.starts_with(&p) && id.as_bytes()[p.len()] == b'-')
}

/// `Ok` when `pattern` names at least one loaded rule (a prefix only when `prefix` allows it);
/// otherwise the help text.
fn check_pattern(pattern: &str, registry: &Registry, prefix: bool) -> Result<(), String> {
    let hit = registry.policies.iter().any(|p| {
        if prefix {
            names(pattern, &p.id, &p.name)
        } else {
            p.id.eq_ignore_ascii_case(pattern) || p.name == pattern
        }
    });
    if hit {
        return Ok(());
    }
    let known = registry
        .policies
        .iter()
        .flat_map(|p| [p.id.as_str(), p.name.as_str()]);
    Err(match crate::suppress::closest(pattern, known) {
        Some(k) => format!("did you mean `{k}`? (`preflight rules` lists the rules)"),
        None if prefix => {
            "expected a rule ID (`AWS-S3-001`), an ID prefix (`AWS-S3`) or a rule name; \
             `preflight rules` lists them"
                .into()
        }
        None => "expected a rule ID or name; `preflight rules` lists them".into(),
    })
}

/// Checks rule patterns given on the command line (`--select`, `--ignore`).
pub fn check_flag_rules(
    flag: &str,
    patterns: &[String],
    registry: &Registry,
) -> Result<(), ConfigError> {
    for p in patterns {
        if let Err(help) = check_pattern(p, registry, true) {
            return Err(ConfigError::plain(
                format!("{flag} names no rule `{p}`"),
                Some(help),
            ));
        }
    }
    Ok(())
}

/// Which rules' findings are reported: those `select` names (all when it is empty) that `ignore`
/// does not name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn keeps(&self, id: &str, name: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|p| names(p, id, name)))
            && !self.ignore.iter().any(|p| names(p, id, name))
    }

    pub fn is_all(&self) -> bool {
        self.select.is_empty() && self.ignore.is_empty()
    }
}

/// `exclude` globs, relative to a base directory. A path is excluded when it or one of its parent
/// directories matches (`examples` and `examples/**` both leave out everything under `examples/`).
/// `*` stays within one path segment; `**` crosses them (`**/test/**` at any depth).
#[derive(Debug, Clone)]
pub struct Exclude {
    base: PathBuf,
    set: globset::GlobSet,
}

impl Exclude {
    /// Compiles `patterns` (each with where it is written, for the error).
    pub fn new(
        base: PathBuf,
        patterns: &[(String, std::ops::Range<usize>)],
    ) -> Result<Exclude, (std::ops::Range<usize>, String)> {
        let mut builder = globset::GlobSetBuilder::new();
        for (p, span) in patterns {
            let trimmed = p.trim_start_matches("./").trim_matches('/');
            if trimmed.is_empty() {
                return Err((
                    span.clone(),
                    format!("`{p}` is not a glob: it would exclude everything"),
                ));
            }
            let glob = globset::GlobBuilder::new(trimmed)
                .literal_separator(true)
                .build()
                .map_err(|e| (span.clone(), format!("invalid glob `{p}`: {}", e.kind())))?;
            builder.add(glob);
        }
        let set = builder
            .build()
            .map_err(|e| (0..0, format!("invalid exclude globs: {e}")))?;
        Ok(Exclude { base, set })
    }

    /// True when `path` (relative to `cwd` or absolute) is left out.
    pub fn excludes(&self, path: &Path, cwd: &Path) -> bool {
        use crate::terraform::module::normalize;
        let full = normalize(&cwd.join(path));
        let Ok(rel) = full.strip_prefix(&self.base) else {
            return false;
        };
        rel.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.set.is_match(a))
    }
}

impl Exclude {
    /// Leaves the excluded files out of discovered units; a unit with nothing left to report goes.
    pub fn filter_units(
        &self,
        units: Vec<crate::discover::Unit>,
        cwd: &Path,
    ) -> Vec<crate::discover::Unit> {
        units
            .into_iter()
            .filter_map(|mut u| {
                u.files.retain(|f| !self.excludes(f, cwd));
                u.report.retain(|f| !self.excludes(f, cwd));
                u.var_files.retain(|f| !self.excludes(f, cwd));
                (!u.report.is_empty() && !u.files.is_empty()).then_some(u)
            })
            .collect()
    }
}

/// Keeps the findings (and undecided checks) of the selected rules outside excluded paths (a module
/// outside the scanned units is still read when something scanned calls it: its excluded files
/// report nothing).
pub fn retain(
    req: &crate::Request,
    sources: &crate::source::SourceMap,
    registry: &Registry,
    findings: &mut Vec<crate::finding::Finding>,
    undecided: &mut Vec<crate::finding::Undecided>,
) {
    let keep = |rule: usize, file: crate::source::FileId| {
        let p = &registry.policies[rule];
        req.selection.keeps(&p.id, &p.name)
            && req
                .exclude
                .as_ref()
                .is_none_or(|ex| !ex.excludes(&sources.get(file).path, &req.cwd))
    };
    findings.retain(|f| keep(f.rule, f.span.file));
    undecided.retain(|u| keep(u.rule, u.span.file));
}

/// What `check` runs with once the file and the flags are combined: a flag wins over the file; lists
/// of inputs (variable files, parameter files, policy directories) are the file's, then the flags'
/// (a later variable file wins).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub fail_on: Option<Severity>,
    pub selection: Selection,
    pub exclude: Option<Exclude>,
    pub var_files: Vec<PathBuf>,
    pub cfn_params: Vec<PathBuf>,
    pub policies: Vec<PathBuf>,
    pub severity: Vec<(String, Severity)>,
    pub strict_suppressions: bool,
    pub baseline: Option<PathBuf>,
}

/// What the command line says about the same things (`None`/empty: not given).
#[derive(Debug, Clone, Default)]
pub struct Flags {
    /// `Some(None)`: `--fail-on none`.
    pub fail_on: Option<Option<Severity>>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub var_files: Vec<PathBuf>,
    pub cfn_params: Vec<PathBuf>,
    pub policies: Vec<PathBuf>,
    pub strict_suppressions: bool,
    pub baseline: Option<PathBuf>,
}

impl Settings {
    pub fn merge(config: Option<&Config>, flags: Flags) -> Settings {
        let strings = |l: &Option<Vec<Located<String>>>| {
            l.iter()
                .flatten()
                .map(|x| x.value.clone())
                .collect::<Vec<_>>()
        };
        let mut s = Settings {
            fail_on: Some(Severity::Low),
            ..Settings::default()
        };
        if let Some(c) = config {
            if let Some(f) = c.fail_on {
                s.fail_on = f;
            }
            s.selection.select = strings(&c.select);
            s.selection.ignore = strings(&c.ignore);
            s.exclude = c.exclude.clone();
            s.var_files = c.var_files.clone();
            s.cfn_params = c.cfn_params.clone();
            s.policies = c.policies.clone();
            s.severity = c
                .severity
                .iter()
                .map(|(k, v)| (k.value.clone(), *v))
                .collect();
            s.strict_suppressions = c.strict_suppressions.unwrap_or(false);
            s.baseline = c.baseline.clone();
        }
        if let Some(f) = flags.fail_on {
            s.fail_on = f;
        }
        if let Some(sel) = flags.select {
            s.selection.select = sel;
        }
        if let Some(ign) = flags.ignore {
            s.selection.ignore = ign;
        }
        s.var_files.extend(flags.var_files);
        s.cfn_params.extend(flags.cfn_params);
        for p in flags.policies {
            if !s.policies.contains(&p) {
                s.policies.push(p);
            }
        }
        s.strict_suppressions |= flags.strict_suppressions;
        if flags.baseline.is_some() {
            s.baseline = flags.baseline;
        }
        s
    }

    /// Applies the `severity` overrides to the loaded policies.
    pub fn apply_severity(&self, registry: &mut Registry) {
        for (rule, severity) in &self.severity {
            for p in registry
                .policies
                .iter_mut()
                .filter(|p| p.id.eq_ignore_ascii_case(rule) || &p.name == rule)
            {
                p.meta.set_severity(*severity);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("/nonexistent/preflight.toml"), text.to_string())
    }

    fn error(text: &str) -> (String, std::ops::Range<usize>) {
        let e = parse(text).expect_err("an error");
        let span = e.span.map_or(0..0, |s| s.offset()..s.offset() + s.len());
        (e.message, span)
    }

    #[test]
    fn reads_every_scalar_key() {
        let c = parse(
            "fail-on = \"high\"\nselect = [\"AWS-S3\"]\nignore = [\"AWS-S3-005\"]\n\
             strict-suppressions = true\nbaseline = \"b.json\"\n[severity]\nAWS-S3-001 = \"low\"\n",
        )
        .expect("valid");
        assert_eq!(c.fail_on, Some(Some(Severity::High)));
        assert_eq!(
            c.select.as_ref().map(|s| s[0].value.as_str()),
            Some("AWS-S3")
        );
        assert_eq!(
            c.ignore.as_ref().map(|s| s[0].value.as_str()),
            Some("AWS-S3-005")
        );
        assert_eq!(c.strict_suppressions, Some(true));
        assert_eq!(c.baseline, Some(PathBuf::from("/nonexistent/b.json")));
        assert_eq!(c.severity[0].0.value, "AWS-S3-001");
        assert_eq!(c.severity[0].1, Severity::Low);
        let none = parse("fail-on = \"none\"\n").expect("valid");
        assert_eq!(none.fail_on, Some(None));
    }

    #[test]
    fn unknown_key_is_located() {
        let text = "fail-on = \"low\"\nfial-on = \"high\"\n";
        let (message, span) = error(text);
        assert!(message.contains("unknown field `fial-on`"), "{message}");
        assert_eq!(&text[span], "fial-on");
    }

    #[test]
    fn bad_values_are_located() {
        let text = "fail-on = \"hgh\"\n";
        let (message, span) = error(text);
        assert!(message.contains("`fail-on` cannot be `hgh`"), "{message}");
        assert_eq!(&text[span], "\"hgh\"");

        let text = "select = \"AWS-S3\"\n";
        let (message, span) = error(text);
        assert!(
            message.contains("expected a sequence") || message.contains("invalid type"),
            "{message}"
        );
        assert_eq!(&text[span], "\"AWS-S3\"");

        let text = "[severity]\nAWS-S3-001 = \"severe\"\n";
        let (message, span) = error(text);
        assert!(message.contains("cannot be `severe`"), "{message}");
        assert_eq!(&text[span], "\"severe\"");

        let text = "strict-suppressions = \"yes\"\n";
        let (message, span) = error(text);
        assert!(message.contains("invalid type"), "{message}");
        assert_eq!(&text[span], "\"yes\"");

        let text = "exclude = [\"a/[b\"]\n";
        let (message, span) = error(text);
        assert!(message.contains("invalid glob"), "{message}");
        assert_eq!(&text[span], "\"a/[b\"");

        let text = "var-files = [\"missing.tfvars\"]\n";
        let (message, span) = error(text);
        assert!(message.contains("does not exist"), "{message}");
        assert_eq!(&text[span], "\"missing.tfvars\"");

        let text = "select = [\nbroken\n";
        let (message, _) = error(text);
        assert!(!message.is_empty());
    }

    #[test]
    fn rule_patterns() {
        assert!(names("AWS-S3", "AWS-S3-001", "x"));
        assert!(names("aws-s3-001", "AWS-S3-001", "x"));
        assert!(names(
            "public-bucket-acl",
            "AWS-S3-001",
            "public-bucket-acl"
        ));
        assert!(!names("AWS-S", "AWS-S3-001", "x"));
        assert!(!names("AWS-S3-001", "AWS-S3-0012", "x"));
        let s = Selection {
            select: vec!["AWS-S3".into()],
            ignore: vec!["AWS-S3-005".into()],
        };
        assert!(s.keeps("AWS-S3-001", "a"));
        assert!(!s.keeps("AWS-S3-005", "b"));
        assert!(!s.keeps("AWS-EC2-001", "c"));
        assert!(Selection::default().keeps("AWS-EC2-001", "c"));
    }

    #[test]
    fn exclude_matches_paths_and_their_directories() {
        let base = PathBuf::from("/repo");
        let ex = Exclude::new(
            base.clone(),
            &[
                ("examples".into(), 0..0),
                ("**/test/**".into(), 0..0),
                ("legacy/*.tf".into(), 0..0),
            ],
        )
        .expect("globs");
        let cwd = Path::new("/repo");
        assert!(ex.excludes(Path::new("examples/a/main.tf"), cwd));
        assert!(ex.excludes(Path::new("infra/test/x/main.tf"), cwd));
        assert!(ex.excludes(Path::new("legacy/main.tf"), cwd));
        assert!(!ex.excludes(Path::new("legacy/sub/main.tf"), cwd));
        assert!(!ex.excludes(Path::new("infra/main.tf"), cwd));
        assert!(!ex.excludes(Path::new("/elsewhere/examples/main.tf"), cwd));
        // From a subdirectory, paths are made absolute first.
        assert!(ex.excludes(Path::new("a/main.tf"), Path::new("/repo/examples")));
    }

    #[test]
    fn flags_win_and_inputs_add_up() {
        let c = parse("fail-on = \"high\"\nselect = [\"AWS-S3\"]\nignore = [\"AWS-S3-005\"]\n")
            .expect("valid");
        let s = Settings::merge(
            Some(&c),
            Flags {
                fail_on: Some(None),
                select: Some(vec!["AWS-EC2".into()]),
                ..Flags::default()
            },
        );
        assert_eq!(s.fail_on, None);
        assert_eq!(s.selection.select, vec!["AWS-EC2".to_string()]);
        assert_eq!(s.selection.ignore, vec!["AWS-S3-005".to_string()]);
        let d = Settings::merge(None, Flags::default());
        assert_eq!(d.fail_on, Some(Severity::Low));
        assert!(d.selection.is_all());
    }

    #[test]
    fn lookup_stops_at_the_repository_root() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        std::fs::write(root.join(FILE_NAME), "").expect("write");
        let repo = root.join("repo");
        std::fs::create_dir_all(repo.join(".git")).expect("mkdir");
        std::fs::create_dir_all(repo.join("a/b")).expect("mkdir");
        assert_eq!(find(&repo.join("a/b")), None);
        std::fs::write(repo.join(FILE_NAME), "").expect("write");
        assert_eq!(find(&repo.join("a/b")), Some(repo.join(FILE_NAME)));
        std::fs::write(repo.join("a").join(FILE_NAME), "").expect("write");
        assert_eq!(
            find(&repo.join("a/b")),
            Some(repo.join("a").join(FILE_NAME))
        );
    }
}
