//! Policies: the embedded registry, their metadata, and evaluation with regorus.
//!
//! Sees only the model as JSON (or, for custom policies with `custom.input: raw`, the evaluated
//! resources of `crate::adapt::raw`), never a syntax tree, and returns raw results (entity id,
//! attribute path, message); locating them is `crate::locate`'s job.

pub mod calls;
pub mod metadata;
pub mod probe;
pub mod program;
pub mod testing;
pub mod text;
pub mod worker;

use crate::model::Model;
pub use metadata::Metadata;
use regorus::Engine;
use std::borrow::Cow;
use text::{field_names, imported_packages};

mod embedded {
    /// A built-in policy file and what `build.rs` read off its text with the functions of
    /// [`super::text`].
    pub struct Builtin {
        pub path: &'static str,
        pub text: &'static str,
        pub package: &'static str,
        pub deny: bool,
        pub metadata: bool,
        /// `custom.id` and `custom.name`.
        pub ids: Option<(&'static str, &'static str)>,
        /// The METADATA comment block.
        pub block: &'static str,
        pub inputs: &'static [&'static str],
        pub imports: &'static [&'static str],
    }

    include!(concat!(env!("OUT_DIR"), "/policies.rs"));

    /// The built-in `.rego` files that are libraries (no `deny`).
    pub fn libraries() -> impl Iterator<Item = &'static Builtin> {
        EMBEDDED.iter().filter(|b| !b.deny)
    }

    /// The built-in file at `path`.
    pub fn find(path: &str) -> Option<&'static Builtin> {
        EMBEDDED.iter().find(|b| b.path == path)
    }
}

/// A policy that could not be loaded: where in its `.rego` file, when that is known.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("policy {path}: {message}")]
#[diagnostic(code(preflight::policy))]
pub struct PolicyError {
    pub path: String,
    pub message: String,
    /// The file's text, for the snippet.
    #[source_code]
    pub source_code: Option<std::sync::Arc<miette::NamedSource<String>>>,
    /// The place the error is about.
    #[label("{label}")]
    pub span: Option<miette::SourceSpan>,
    pub label: &'static str,
}

impl PolicyError {
    /// An error about a file or directory as a whole.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> PolicyError {
        PolicyError {
            path: path.into(),
            message: message.into(),
            source_code: None,
            span: None,
            label: "",
        }
    }

    /// An error at `span` (byte offset and length) of the file's `text`.
    pub fn at(
        path: &str,
        text: &str,
        span: (usize, usize),
        label: &'static str,
        message: impl Into<String>,
    ) -> PolicyError {
        PolicyError {
            path: path.to_string(),
            message: message.into(),
            source_code: Some(std::sync::Arc::new(miette::NamedSource::new(
                path,
                text.to_string(),
            ))),
            span: Some(span.into()),
            label,
        }
    }

    /// The 1-based line and column of the error, when it is located.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let (text, span) = (self.source_code.as_ref()?, self.span?);
        let before = text.inner().get(..span.offset())?;
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((line, col))
    }

    /// A regorus error about `path`: its text names `--> file:line:col` and ends with `error: …`.
    fn from_regorus(path: &str, text: &str, err: &dyn std::fmt::Display) -> PolicyError {
        let full = err.to_string();
        let located = full.lines().find_map(|l| {
            let rest = l.trim_start().strip_prefix("--> ")?;
            let mut parts = rest.rsplitn(3, ':');
            let col: usize = parts.next()?.trim().parse().ok()?;
            let line: usize = parts.next()?.trim().parse().ok()?;
            Some((line, col))
        });
        let message = full
            .lines()
            .rev()
            .find_map(|l| l.trim_start().strip_prefix("error: "))
            .map(str::to_string)
            .unwrap_or_else(|| full.trim().to_string());
        match located.and_then(|(line, col)| offset_of(text, line, col)) {
            Some(offset) => {
                let len = token_len(&text[offset..]);
                PolicyError::at(path, text, (offset, len), "here", message)
            }
            None => PolicyError::new(path, full.trim().to_string()),
        }
    }
}

/// The byte offset of 1-based `line` and `col` (in characters) in `text`.
fn offset_of(text: &str, line: usize, col: usize) -> Option<usize> {
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within = l
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(l.trim_end_matches(['\n', '\r']).len(), |(b, _)| b);
            return Some(start + within);
        }
        start += l.len();
    }
    None
}

/// The length of the word or symbol that starts `rest` (at least one character, never past the line).
fn token_len(rest: &str) -> usize {
    let word: usize = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        .map(char::len_utf8)
        .sum();
    if word > 0 {
        word
    } else {
        rest.chars()
            .next()
            .filter(|c| *c != '\n')
            .map_or(0, char::len_utf8)
    }
}

/// The span of `key`'s value (`custom.severity` → the text after `severity:`) in the METADATA block
/// of `text`, else of the `# METADATA` line, else of the `package` line.
fn metadata_span(text: &str, key: Option<&str>) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut in_block = false;
    let mut header = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if trimmed.trim() == "# METADATA" {
            in_block = true;
            header = Some((
                offset + (trimmed.len() - trimmed.trim_start().len()),
                trimmed.trim().len(),
            ));
        } else if in_block && trimmed.starts_with('#') {
            if let Some(key) = key {
                let leaf = key.rsplit('.').next().unwrap_or(key);
                let body = trimmed.trim_start_matches('#').trim_start();
                if let Some(value) = body.strip_prefix(leaf).and_then(|r| r.strip_prefix(':')) {
                    let value = value.trim();
                    let at = trimmed.len() - trimmed.trim_start_matches('#').trim_start().len();
                    let start = if value.is_empty() {
                        offset + at
                    } else {
                        offset + trimmed.rfind(value).unwrap_or(at)
                    };
                    let len = if value.is_empty() {
                        body.len()
                    } else {
                        value.len()
                    };
                    return Some((start, len));
                }
            }
        } else if in_block {
            in_block = false;
        }
        offset += line.len();
    }
    header.or_else(|| line_span(text, |l| l.trim_start().starts_with("package ")))
}

/// The span of the first line `pick` chooses, without its indentation.
fn line_span(text: &str, pick: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if pick(trimmed) {
            let indent = trimmed.len() - trimmed.trim_start().len();
            return Some((offset + indent, trimmed.trim().len()));
        }
        offset += line.len();
    }
    None
}

/// A METADATA problem, pointed at the field it names (severity, category) or at the block.
fn metadata_error(path: &str, text: &str, message: String) -> PolicyError {
    let key = [
        "severity",
        "category",
        "custom.id",
        "custom.name",
        "custom.input",
    ]
    .into_iter()
    .find(|k| {
        message.starts_with(&format!("unknown {k}")) || message.starts_with(&format!("invalid {k}"))
    });
    let label = match key {
        Some(_) => "this value",
        None => "in this METADATA block",
    };
    match metadata_span(text, key) {
        Some(span) => PolicyError::at(path, text, span, label, message),
        None => PolicyError::new(path, message),
    }
}

/// One loaded policy.
#[derive(Debug)]
pub struct Policy {
    /// `custom.id` and `custom.name` of the METADATA (read off the text for built-in policies, whose
    /// full METADATA is parsed only when something shows it).
    pub id: String,
    pub name: String,
    pub meta: LazyMeta,
    pub package: String,
    pub source_path: String,
    /// Model collections the policy reads (`aws.s3.buckets`); it is skipped when none holds an entity.
    pub inputs: Vec<String>,
    /// Field names the policy reads (`acl`, `public_access_block`), for `--show-unknown`.
    pub reads: Reads,
    /// Brought by the user (`--policy`), not built in: evaluated in a worker process when the
    /// registry isolates custom policies.
    pub custom: bool,
    /// Reads the scan's evaluated resources, not the model (`custom.input: raw`, user policies only).
    pub raw: bool,
    /// `data.<package>.deny`, ready to evaluate.
    rule: String,
    /// Index of its file in the registry's files.
    file: usize,
}

/// A policy's METADATA, parsed the first time it is read: a scan reads it only for the rules that
/// report something.
pub struct LazyMeta {
    /// The METADATA comment block, when it is still to be parsed.
    block: Cow<'static, str>,
    parsed: std::sync::OnceLock<Metadata>,
}

impl LazyMeta {
    fn parsed(meta: Metadata) -> LazyMeta {
        LazyMeta {
            block: Cow::Borrowed(""),
            parsed: std::sync::OnceLock::from(meta),
        }
    }

    /// Overrides the severity (`[severity]` in preflight.toml): what every report and `--fail-on` see.
    pub fn set_severity(&mut self, severity: crate::finding::Severity) {
        let mut meta = (**self).clone();
        meta.severity = severity;
        *self = LazyMeta::parsed(meta);
    }

    fn later(block: Cow<'static, str>) -> LazyMeta {
        LazyMeta {
            block,
            parsed: std::sync::OnceLock::new(),
        }
    }
}

impl std::ops::Deref for LazyMeta {
    type Target = Metadata;

    fn deref(&self) -> &Metadata {
        self.parsed.get_or_init(|| {
            // Only built-in METADATA is parsed late, and a unit test parses every one of them.
            metadata::parse(&self.block).unwrap_or_else(|e| Metadata::unreadable(&e))
        })
    }
}

impl std::fmt::Debug for LazyMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl serde::Serialize for LazyMeta {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

/// The field names a policy's text reads, found the first time they are asked for (only
/// `--show-unknown` asks).
pub struct Reads {
    text: Cow<'static, str>,
    /// Also names written as strings and with capitals ([`text::user_field_names`]).
    wide: bool,
    names: std::sync::OnceLock<std::collections::BTreeSet<String>>,
}

impl Reads {
    fn new(text: Cow<'static, str>, wide: bool) -> Reads {
        Reads {
            text,
            wide,
            names: std::sync::OnceLock::new(),
        }
    }

    fn names(&self) -> &std::collections::BTreeSet<String> {
        self.names.get_or_init(|| {
            if self.wide {
                text::user_field_names(&self.text)
            } else {
                field_names(&self.text)
            }
        })
    }

    /// Whether the policy's text reads a field called `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.names().contains(name)
    }
}

impl std::fmt::Debug for Reads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.names()).finish()
    }
}

/// One loaded `.rego` file.
struct File {
    path: String,
    text: Cow<'static, str>,
    /// Its `package`, without `data.`.
    package: String,
    /// The packages it imports.
    imports: Vec<String>,
}

/// The engines of one scanning thread, cloned from the registry's on first use, and its virtual machine
/// for the compiled built-in policies, made on first use.
#[derive(Default)]
pub struct Engines(
    std::collections::HashMap<Vec<usize>, Engine>,
    Option<program::Machine>,
);

/// Every policy. Each is parsed and compiled only when a scanned model holds an entity it reads: an
/// engine is prepared once per set of policies a model needs, kept here, and cloned by each scanning
/// thread ([`Engines`]).
pub struct Registry {
    pub policies: Vec<Policy>,
    /// Every loaded file: what an engine and a policy worker load.
    files: Vec<File>,
    /// The files that are libraries (no `deny`): every engine loads them.
    libraries: Vec<usize>,
    /// Prepared engines by the policies they hold (sorted indices into `policies`): the first set a
    /// scan needs, then, if it needs another, one with every policy.
    engines: std::sync::Mutex<std::collections::HashMap<Vec<usize>, Engine>>,
    timeout: std::time::Duration,
    isolation: Option<worker::Isolation>,
    /// Built-in policies are interpreted too, not run on the compiled program.
    interpret_all: bool,
    /// Idle policy workers, shared by the scanning threads.
    workers: std::sync::Mutex<Vec<worker::Worker>>,
}

/// How long one policy evaluation may take unless told otherwise.
pub const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// A `deny` result before it is located.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RawResult {
    pub policy: usize,
    pub id: String,
    pub path: String,
    pub message: String,
}

impl Registry {
    /// The built-in policies and the `.rego` files under `dirs` (tests excluded), each evaluation limited
    /// to `timeout`.
    pub fn with_custom(
        dirs: &[std::path::PathBuf],
        timeout: std::time::Duration,
    ) -> Result<Registry, PolicyError> {
        let mut files: Vec<(String, Cow<'static, str>)> = embedded::EMBEDDED
            .iter()
            .map(|b| (b.path.to_string(), Cow::Borrowed(b.text)))
            .collect();
        for dir in dirs {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(dir).hidden(false).build() {
                let entry = entry
                    .map_err(|e| PolicyError::new(dir.display().to_string(), e.to_string()))?;
                let p = entry.path();
                if p.extension().is_some_and(|e| e == "rego")
                    && !p.to_string_lossy().ends_with("_test.rego")
                {
                    found.push(p.to_path_buf());
                }
            }
            if found.is_empty() && !dir.is_file() {
                return Err(PolicyError::new(
                    dir.display().to_string(),
                    "no .rego policy here",
                ));
            }
            found.sort();
            for p in found {
                let text = std::fs::read_to_string(&p)
                    .map_err(|e| PolicyError::new(p.display().to_string(), e.to_string()))?;
                files.push((p.display().to_string(), Cow::Owned(text)));
            }
        }
        let mut registry = Registry::load_with(files, embedded::find)?;
        for p in &mut registry.policies {
            p.custom = embedded::find(&p.source_path).is_none();
        }
        // A call to a function that does not exist is found now, not when a scan first reaches it.
        registry.check_calls()?;
        // A user's policy is compiled now, with the libraries it imports, so that an unsafe variable
        // or a type error is a located error before any scan, not one error per scanned file.
        let custom: Vec<usize> = (0..registry.policies.len())
            .filter(|&i| registry.policies[i].custom)
            .collect();
        if !custom.is_empty() {
            if let Err(e) = registry.build_engine(&custom) {
                let file = registry
                    .files
                    .iter()
                    .find(|f| e.contains(&format!("--> {}:", f.path)));
                return Err(match file {
                    Some(f) => PolicyError::from_regorus(&f.path, &f.text, &e),
                    None => PolicyError::new("policies", e),
                });
            }
        }
        registry.set_timeout(timeout);
        Ok(registry)
    }

    /// The user's files (policies and libraries) must call only functions that exist: built-ins of
    /// this build, or functions of a loaded file (the built-in libraries, and a built-in policy's
    /// package when a call names it). The first call that resolves to nothing is a located error.
    fn check_calls(&self) -> Result<(), PolicyError> {
        let user = |path: &str| embedded::find(path).is_none();
        if self.files.iter().all(|f| !user(&f.path)) {
            return Ok(());
        }
        let mut engine = Engine::new();
        let mut loaded = vec![false; self.files.len()];
        for (i, f) in self.files.iter().enumerate() {
            if user(&f.path) || self.libraries.contains(&i) {
                engine
                    .add_policy(f.path.clone(), f.text.to_string())
                    .map_err(|e| PolicyError::from_regorus(&f.path, &f.text, &e))?;
                loaded[i] = true;
            }
        }
        let files = &self.files;
        let found = calls::bad_calls(&mut engine, &user, &mut |engine, path| {
            let mut added = false;
            for (i, f) in files.iter().enumerate() {
                if !loaded[i]
                    && path
                        .strip_prefix("data.")
                        .and_then(|p| p.strip_prefix(f.package.as_str()))
                        .is_some_and(|rest| rest.starts_with('.'))
                    && engine
                        .add_policy(f.path.clone(), f.text.to_string())
                        .is_ok()
                {
                    loaded[i] = true;
                    added = true;
                }
            }
            added
        });
        let text_of = |path: &str| {
            files
                .iter()
                .find(|f| f.path == path)
                .map(|f| f.text.to_string())
        };
        match calls::first_error(&found, &text_of) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Limits each evaluation to `timeout`.
    pub fn set_timeout(&mut self, timeout: std::time::Duration) {
        self.timeout = timeout;
        if let Ok(mut engines) = self.engines.lock() {
            engines.clear();
        }
    }

    /// Evaluates the custom policies in worker processes (see [`worker`]): one that runs out of
    /// memory or time is an error for that policy, not the end of the scan.
    pub fn isolate_custom(&mut self, isolation: worker::Isolation) {
        self.isolation = Some(isolation);
    }

    /// The built-in policies embedded in the binary.
    pub fn builtin() -> Result<Registry, PolicyError> {
        Registry::load_with(
            embedded::EMBEDDED
                .iter()
                .map(|b| (b.path.to_string(), Cow::Borrowed(b.text))),
            embedded::find,
        )
    }

    /// Loads policies from `(path, text)` pairs, each checked by parsing it. A file with `deny` rules
    /// is a policy and needs a complete `# METADATA` block; a file without them is a library.
    pub fn load(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Registry, PolicyError> {
        Registry::load_with(files.into_iter().map(|(p, t)| (p, Cow::Owned(t))), |_| None)
    }

    /// [`Registry::load`], where the files that `builtin` knows (the built-in ones, parsed by the
    /// tests) are not parsed: their package, `deny` rules, ids and inputs were read off the text at
    /// build time, and they are compiled only when a scan needs them.
    fn load_with(
        files: impl IntoIterator<Item = (String, Cow<'static, str>)>,
        builtin: impl Fn(&str) -> Option<&'static embedded::Builtin>,
    ) -> Result<Registry, PolicyError> {
        let mut policies = Vec::new();
        let mut libraries = Vec::new();
        let mut loaded: Vec<File> = Vec::new();
        for (index, (path, text)) in files.into_iter().enumerate() {
            let known = builtin(&path);
            let (package, has_deny, has_metadata) = match known {
                Some(b) => (b.package.to_string(), b.deny, b.metadata),
                None => {
                    let mut engine = Engine::new();
                    let package = engine
                        .add_policy(path.clone(), text.to_string())
                        .map_err(|e| PolicyError::from_regorus(&path, &text, &e))?;
                    let has_deny = engine
                        .has_declared_rule_rooted_at(&path, "deny")
                        .map_err(|e| PolicyError::from_regorus(&path, &text, &e))?;
                    (package, has_deny, text::has_metadata(&text))
                }
            };
            let package = package.trim_start_matches("data.").to_string();
            let imports = match known {
                Some(b) => b.imports.iter().map(|i| i.to_string()).collect(),
                None => imported_packages(&text),
            };
            loaded.push(File {
                path: path.clone(),
                text: text.clone(),
                package: package.clone(),
                imports,
            });
            // A file with `deny` rules is a policy and must say what it is; a file without them is a
            // library (helpers that policies import).
            match (has_metadata, has_deny) {
                (false, false) => {
                    libraries.push(index);
                    continue;
                }
                (false, true) => {
                    let message = format!(
                        "defines `deny` rules but has no `# METADATA` block, so it would never run; \
                         add one before `package` with {}",
                        metadata::REQUIRED.join(", ")
                    );
                    return Err(
                        match line_span(&text, |l| l.trim_start().starts_with("package ")) {
                            Some(span) => PolicyError::at(
                                &path,
                                &text,
                                span,
                                "add `# METADATA` above this",
                                message,
                            ),
                            None => PolicyError::new(path, message),
                        },
                    );
                }
                (true, false) => {
                    return Err(metadata_error(
                        &path,
                        &text,
                        "has a `# METADATA` block but no `deny` rule: a policy reports what \
                         `deny contains result if { … }` returns"
                            .into(),
                    ))
                }
                (true, true) => {}
            }
            let (id, name, meta, inputs, raw) = match known.and_then(|b| Some((b, b.ids?))) {
                Some((b, (id, name))) => (
                    id.to_string(),
                    name.to_string(),
                    LazyMeta::later(Cow::Borrowed(b.block)),
                    b.inputs.iter().map(|i| i.to_string()).collect(),
                    false,
                ),
                None => {
                    let meta = metadata::parse(&text)
                        .map_err(|message| metadata_error(&path, &text, message))?;
                    let raw = meta.raw;
                    (
                        meta.id.clone(),
                        meta.name.clone(),
                        LazyMeta::parsed(meta),
                        text::input_collections(&text),
                        raw,
                    )
                }
            };
            policies.push(Policy {
                id,
                name,
                rule: format!("data.{package}.deny"),
                inputs,
                // A user's policy may name a field as a string (`r.attributes[key]` over a set of
                // names) or in CloudFormation's spelling (`r.attributes.Tags`).
                reads: Reads::new(text, known.is_none()),
                file: index,
                meta,
                package,
                source_path: path,
                custom: false,
                raw,
            });
        }
        policies.sort_by(|a, b| a.id.cmp(&b.id));
        for pair in policies.windows(2) {
            if pair[0].id == pair[1].id {
                // Point at the `id:` of the file loaded later (a user's file after a built-in one).
                let (first, second) = if pair[0].file > pair[1].file {
                    (&pair[1], &pair[0])
                } else {
                    (&pair[0], &pair[1])
                };
                let message = format!(
                    "rule id {} is also used by {}",
                    second.id, first.source_path
                );
                let text = &loaded[second.file].text;
                return Err(match metadata_span(text, Some("custom.id")) {
                    Some(span) => PolicyError::at(
                        &second.source_path,
                        text,
                        span,
                        "this id is taken",
                        message,
                    ),
                    None => PolicyError::new(second.source_path.clone(), message),
                });
            }
        }
        let mut registry = Registry {
            policies,
            files: loaded,
            libraries,
            engines: std::sync::Mutex::new(std::collections::HashMap::new()),
            timeout: DEFAULT_TIMEOUT,
            isolation: None,
            interpret_all: false,
            workers: std::sync::Mutex::new(Vec::new()),
        };
        // A user's policy also reads the fields the libraries it imports name (`tags.missing(r,
        // "owner")` reads `tags_all`): `--show-unknown` looks at them too.
        for i in 0..registry.policies.len() {
            if !registry.policies[i].reads.wide {
                continue;
            }
            let libs = registry.imported_libraries(i);
            if libs.is_empty() {
                continue;
            }
            let mut text = registry.files[registry.policies[i].file].text.to_string();
            for f in libs {
                text.push('\n');
                text.push_str(&registry.files[f].text);
            }
            registry.policies[i].reads = Reads::new(Cow::Owned(text), true);
        }
        Ok(registry)
    }

    /// The engines of one scanning thread: empty, filled from the registry's as models need them.
    pub fn engines(&self) -> Engines {
        Engines::default()
    }

    /// An engine with every policy (a policy worker's).
    pub fn engine(&self) -> Result<Engine, String> {
        let all: Vec<usize> = (0..self.policies.len()).collect();
        self.build_engine(&all)
    }

    /// A prepared engine holding the libraries and the policies `wanted`, from `local`, else from the
    /// registry's, else built (and kept in both).
    fn engine_for<'e>(
        &self,
        local: &'e mut Engines,
        wanted: &[usize],
    ) -> Result<&'e mut Engine, String> {
        // Any engine that holds every wanted policy will do (its other policies are not evaluated).
        let covers = |key: &[usize]| wanted.iter().all(|i| key.binary_search(i).is_ok());
        let key = match local.0.keys().find(|k| covers(k)) {
            Some(k) => k.clone(),
            None => {
                let mut shared = self.engines.lock().map_err(|e| e.to_string())?;
                let key = match shared.keys().find(|k| covers(k)) {
                    Some(k) => k.clone(),
                    None => {
                        // The first set a process needs is compiled alone (a pre-commit scan of one
                        // file needs a handful of policies); a scan that needs a second set gets one
                        // engine with every policy, compiled once, instead of one per set.
                        let key: Vec<usize> = if shared.is_empty() {
                            wanted.to_vec()
                        } else {
                            (0..self.policies.len())
                                .filter(|&i| self.in_process(i))
                                .collect()
                        };
                        let engine = self.build_engine(&key)?;
                        shared.insert(key.clone(), engine);
                        key
                    }
                };
                if let Some(engine) = shared.get(&key) {
                    local.0.insert(key.clone(), engine.clone());
                }
                key
            }
        };
        local
            .0
            .get_mut(&key)
            .ok_or_else(|| "no policy engine".to_string())
    }

    /// The policies that read a collection `model` holds (or no collection in particular).
    fn wanted(&self, model: &Model) -> Vec<usize> {
        self.reading(&model.present_collections())
    }

    /// The policies that read one of `present` (or no collection in particular).
    fn reading(&self, present: &[&str]) -> Vec<usize> {
        (0..self.policies.len())
            .filter(|&i| {
                let inputs = &self.policies[i].inputs;
                if self.policies[i].raw {
                    return false;
                }
                inputs.is_empty()
                    || inputs
                        .iter()
                        .any(|i| present.iter().any(|c| reads_collection(i, c)))
            })
            .collect()
    }

    /// Whether policy `i` runs on the compiled program: a built-in policy the build compiled, unless
    /// the registry is set to interpret everything.
    fn compiled(&self, i: usize) -> bool {
        !self.interpret_all
            && !self.policies[i].custom
            && program::has_entry(&self.policies[i].rule)
    }

    /// Evaluates the built-in policies with the interpreter too (the differential test's reference).
    #[doc(hidden)]
    pub fn interpret_all(&mut self) {
        self.interpret_all = true;
    }

    /// Whether policy `i` is evaluated in this process (not in a worker).
    fn in_process(&self, i: usize) -> bool {
        self.isolation.is_none() || !self.policies[i].custom
    }

    /// Parses and compiles the policies `wanted` and the libraries they import (directly or through
    /// other libraries) into a prepared engine.
    fn build_engine(&self, wanted: &[usize]) -> Result<Engine, String> {
        let mut engine = Engine::new();
        let files = self.with_imports(wanted.iter().map(|&i| self.policies[i].file).collect());
        for &f in &files {
            let File { path, text, .. } = &self.files[f];
            engine
                .add_policy(path.clone(), text.to_string())
                .map_err(|e| format!("{path}: {e}"))?;
        }
        engine.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
            limit: self.timeout,
            check_interval: std::num::NonZeroU32::MIN.saturating_add(255),
        });
        // Compiling happens on the first evaluation: do it once here, so that every clone starts
        // prepared.
        engine
            .eval_query("true".to_string(), false)
            .map_err(|e| e.to_string())?;
        Ok(engine)
    }

    /// `files` and the libraries they import, directly or through other libraries.
    fn with_imports(&self, mut files: Vec<usize>) -> Vec<usize> {
        let mut next = 0;
        while next < files.len() {
            let imports = &self.files[files[next]].imports;
            next += 1;
            for &lib in &self.libraries {
                let p = &self.files[lib].package;
                // An import names the package or a rule in it (`import data.preflight.lib.aws.iam`).
                let imported = imports.iter().any(|i| {
                    i == p
                        || i.strip_prefix(p.as_str())
                            .is_some_and(|r| r.starts_with('.'))
                });
                if imported && !files.contains(&lib) {
                    files.push(lib);
                }
            }
        }
        files
    }

    /// The libraries policy `i` imports, directly or through other libraries.
    pub(crate) fn imported_libraries(&self, i: usize) -> Vec<usize> {
        let own = self.policies[i].file;
        self.with_imports(vec![own])
            .into_iter()
            .filter(|&f| f != own)
            .collect()
    }

    pub fn find(&self, id_or_name: &str) -> Option<&Policy> {
        self.policies
            .iter()
            .find(|p| p.id.eq_ignore_ascii_case(id_or_name) || p.name == id_or_name)
    }

    /// Evaluates every policy that reads a collection present in `model`. A policy that fails (an error
    /// in it, a malformed result, the time budget) is reported and the others still run.
    pub fn evaluate(&self, engines: &mut Engines, model: &Model) -> (Vec<RawResult>, Vec<String>) {
        match self.evaluate_all(engines, self.wanted(model), model) {
            Ok(r) => r,
            Err(e) => (Vec::new(), vec![e]),
        }
    }

    /// Like [`Registry::evaluate`], but only the policies that read one of `collections` (the
    /// collections that hold an entity a result could be reported on): a scan of one file of a module
    /// evaluates the module's whole model, and only the policies that can speak about that file need
    /// compiling and running. A policy's results name entities of the collections it reads.
    pub fn evaluate_reading(
        &self,
        engines: &mut Engines,
        model: &Model,
        collections: &[&str],
    ) -> (Vec<RawResult>, Vec<String>) {
        match self.evaluate_all(engines, self.reading(collections), model) {
            Ok(r) => r,
            Err(e) => (Vec::new(), vec![e]),
        }
    }

    /// Whether a policy reads the raw input (`custom.input: raw`): only then does a scan build it.
    pub fn wants_raw(&self) -> bool {
        self.policies.iter().any(|p| p.raw)
    }

    /// Evaluates the policies that read the raw input (`custom.input: raw`) on `input`
    /// (`{"resources": [...]}`, see [`crate::adapt::raw`]), as [`Registry::evaluate`] does the others.
    pub fn evaluate_raw(
        &self,
        engines: &mut Engines,
        input: &serde_json::Value,
    ) -> (Vec<RawResult>, Vec<String>) {
        let empty = input
            .get("resources")
            .and_then(|r| r.as_array())
            .is_none_or(|r| r.is_empty());
        let wanted: Vec<usize> = (0..self.policies.len())
            .filter(|&i| self.policies[i].raw && !empty)
            .collect();
        match self.evaluate_all(engines, wanted, input) {
            Ok(r) => r,
            Err(e) => (Vec::new(), vec![e]),
        }
    }

    fn evaluate_all(
        &self,
        engines: &mut Engines,
        wanted: Vec<usize>,
        model: &impl serde::Serialize,
    ) -> Result<(Vec<RawResult>, Vec<String>), String> {
        if wanted.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        // Built-in policies run on the compiled program; the others are compiled here, except those
        // a worker evaluates.
        let compiled: Vec<bool> = wanted.iter().map(|&i| self.compiled(i)).collect();
        let local: Vec<usize> = wanted
            .iter()
            .zip(&compiled)
            .filter(|&(&i, &c)| !c && self.in_process(i))
            .map(|(&i, _)| i)
            .collect();
        // A worker, if one evaluates here, reads the model as JSON text.
        let isolated = self.isolation.is_some() && wanted.iter().any(|&i| self.policies[i].custom);
        let text = if isolated {
            serde_json::to_string(model).map_err(|e| e.to_string())?
        } else {
            String::new()
        };
        let input = if isolated {
            regorus::Value::from_json_str(&text).map_err(|e| e.to_string())?
        } else {
            regorus::Value::from(serde_json::to_value(model).map_err(|e| e.to_string())?)
        };
        if compiled.contains(&true) {
            let program = program::builtin().ok_or("the compiled policies cannot be read")?;
            engines
                .1
                .get_or_insert_with(|| program::Machine::new(program, self.timeout))
                .set_input(input.clone());
        }
        if !local.is_empty() {
            self.engine_for(engines, &local)?.set_input(input);
        }
        let mut out = Vec::new();
        let mut failures = Vec::new();
        // The worker that evaluates custom policies for this model, taken from the pool when needed.
        let mut worker: Option<worker::Worker> = None;
        'policies: for (i, compiled) in wanted.into_iter().zip(compiled) {
            let policy = &self.policies[i];
            let value = match &self.isolation {
                Some(isolation) if policy.custom => {
                    match self.eval_in_worker(isolation, &mut worker, &text, &policy.rule) {
                        Ok(json) => Ok(json),
                        Err(e) => {
                            failures
                                .push(format!("{} ({}): {e}", policy.meta.id, policy.source_path));
                            continue;
                        }
                    }
                }
                _ if compiled => match engines.1.as_mut() {
                    Some(machine) => machine.eval(&policy.rule),
                    None => Err("no virtual machine".to_string()),
                }
                .and_then(|value| serde_json::to_value(&value).map_err(|e| e.to_string())),
                _ => self
                    .engine_for(engines, &local)
                    .and_then(|engine| {
                        engine
                            .eval_rule(policy.rule.clone())
                            .map_err(|e| e.to_string())
                    })
                    .and_then(|value| serde_json::to_value(&value).map_err(|e| e.to_string())),
            };
            let evaluated = value;
            let json = match evaluated {
                Ok(v) => v,
                Err(e) => {
                    failures.push(format!("{} ({}): {e}", policy.meta.id, policy.source_path));
                    continue;
                }
            };
            let items = match json {
                serde_json::Value::Array(items) => items,
                // Undefined: no rule body matched.
                _ => continue,
            };
            for item in items {
                let field = |k: &str| item.get(k).and_then(|v| v.as_str()).map(str::to_string);
                // A path is a string (`tags.owner`) or a list of segments (`["tags", "a.b"]`).
                let path = match item.get("path") {
                    Some(serde_json::Value::Array(segments)) => {
                        crate::adapt::raw::path_of_segments(segments)
                    }
                    _ => field("path"),
                };
                match (field("id"), path, field("message")) {
                    (Some(id), Some(path), Some(message)) => out.push(RawResult {
                        policy: i,
                        id,
                        path,
                        message,
                    }),
                    _ => {
                        failures.push(format!(
                            "{} returned a result without id, path and message: {item}",
                            policy.meta.id
                        ));
                        continue 'policies;
                    }
                }
            }
        }
        if let Some(w) = worker {
            if let Ok(mut pool) = self.workers.lock() {
                pool.push(w);
            }
        }
        Ok((out, failures))
    }

    /// Evaluates `rule` of a custom policy on `input` in a worker from the pool (started if none is
    /// idle), as a probe of `--show-unknown` does; the worker goes back to the pool unless it failed.
    pub(crate) fn eval_isolated(
        &self,
        input: &serde_json::Value,
        rule: &str,
    ) -> Result<serde_json::Value, String> {
        let Some(isolation) = &self.isolation else {
            return Err("policies are not isolated".into());
        };
        let text = serde_json::to_string(input).map_err(|e| e.to_string())?;
        let mut slot = None;
        let result = self.eval_in_worker(isolation, &mut slot, &text, rule);
        if let Some(w) = slot {
            if let Ok(mut pool) = self.workers.lock() {
                pool.push(w);
            }
        }
        result
    }

    /// Evaluates `rule` in a worker that has `model` as input, starting one if needed. A worker that
    /// failed is dropped (and so stopped); the next policy gets a new one.
    fn eval_in_worker(
        &self,
        isolation: &worker::Isolation,
        slot: &mut Option<worker::Worker>,
        model: &str,
        rule: &str,
    ) -> Result<serde_json::Value, String> {
        if slot.is_none() {
            let idle = self.workers.lock().ok().and_then(|mut pool| pool.pop());
            let mut w = match idle {
                Some(w) => w,
                None => {
                    let files: Vec<(&str, &str)> = self
                        .files
                        .iter()
                        .map(|f| (f.path.as_str(), &*f.text))
                        .collect();
                    worker::Worker::start(isolation, &files, self.timeout)?
                }
            };
            w.set_input(model)?;
            *slot = Some(w);
        }
        let Some(w) = slot.as_mut() else {
            return Err("no policy worker".into());
        };
        let result = w.eval(rule, self.timeout);
        if result.is_err() {
            // The worker may be dead or stuck: a new one for the next policy. An error that regorus
            // reported leaves a sound worker, but a fresh one costs little and is surely sound.
            *slot = None;
        }
        result
    }
}

/// Whether a policy input (`aws.s3.buckets`, or `aws.*` for a policy that walks the whole model)
/// covers the model collection `collection`.
pub fn reads_collection(input: &str, collection: &str) -> bool {
    match input.strip_suffix('*') {
        Some(prefix) => collection.starts_with(prefix),
        None => input == collection,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use text::{input_collections, metadata_block};

    #[test]
    fn field_names_include_keys_given_to_lib_helpers() {
        let names = field_names(
            "some f in input.aws.lambda.functions\n\tf.environment_variables == true\n\tlib.not_written(f, \"kms_key_arn\")\n",
        );
        assert!(names.contains("environment_variables"));
        assert!(names.contains("kms_key_arn"));
        assert!(field_names("lib.unknown_under(b, \"policy.statements\")").contains("policy"));
    }

    #[test]
    fn a_users_policy_reads_fields_named_as_strings_and_in_capitals() {
        let text = "# Tags (`tags_all` on AWS)\ntags_key(r) := \"tags_all\" if r.format == \"terraform\"\n\
            has(r) if r.attributes.Tags[_].Key == \"owner\"\nm := sprintf(\"no %s here\", [x])\n";
        let names = text::user_field_names(text);
        for n in [
            "tags_all",
            "Tags",
            "format",
            "attributes",
            "owner",
            "terraform",
        ] {
            assert!(names.contains(n), "{n}: {names:?}");
        }
        assert!(!names.iter().any(|n| n.contains(' ')), "{names:?}");
        // The built-in policies' reading stays as it was.
        assert!(!field_names(text).contains("tags_all"));
        assert!(!field_names(text).contains("Tags"));
    }

    #[test]
    fn builtin_policies_load_with_metadata() {
        let reg = Registry::builtin().expect("built-in policies load");
        assert!(!reg.policies.is_empty());
        for p in &reg.policies {
            assert!(p.package.starts_with("preflight."), "{}", p.package);
            assert!(
                !p.inputs.is_empty(),
                "{} reads no model collection",
                p.meta.id
            );
        }
    }

    #[test]
    fn finds_input_collections() {
        let text =
            "some b in input.aws.s3.buckets\nx := input.aws.rds.instances[_]\ny := input.aws\nz := input.aws.iam[f]";
        assert_eq!(
            input_collections(text),
            vec!["aws.s3.buckets", "aws.rds.instances", "aws.*", "aws.iam.*"]
        );
        assert!(reads_collection("aws.*", "aws.sqs.queues"));
        assert!(reads_collection("aws.iam.*", "aws.iam.roles"));
        assert!(!reads_collection("aws.iam.*", "aws.s3.buckets"));
        assert!(reads_collection("aws.s3.buckets", "aws.s3.buckets"));
    }

    const META: &str = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: T-1\n#   name: t\n#   severity: low\n#   category: sharing\n#   recommended_action: R\n";

    fn load_one(text: &str) -> Result<Registry, PolicyError> {
        Registry::load([("custom/p.rego".to_string(), text.to_string())])
    }

    #[test]
    fn deny_without_metadata_is_an_error_naming_what_is_missing() {
        for text in [
            "package p\ndeny contains 1 if { true }\n",
            "package p\nimport rego.v1\ndeny[msg] if { msg := \"x\" }\n",
            "package p\ndefault deny := false\n",
            "package p\ndeny.x := 1\n",
        ] {
            let err = load_one(text).err().expect(text);
            assert_eq!(err.path, "custom/p.rego");
            assert!(
                err.message.contains("no `# METADATA`") && err.message.contains("custom.severity"),
                "{text}: {}",
                err.message
            );
        }
        // METADATA with fields left out names each of them.
        let text = "# METADATA\n# title: T\n# custom:\n#   id: T-1\npackage p\ndeny contains 1 if { true }\n";
        let err = load_one(text).err().expect("incomplete");
        assert!(
            err.message.contains("`description`") && err.message.contains("`custom.severity`"),
            "{}",
            err.message
        );
        // METADATA without a deny rule is a policy that could never report.
        let err = load_one(&format!(
            "{META}package p\nviolation contains 1 if {{ true }}\n"
        ))
        .err()
        .expect("no deny");
        assert!(err.message.contains("no `deny` rule"), "{}", err.message);
    }

    #[test]
    fn libraries_and_complete_policies_load() {
        // A library: helpers, no deny (a comment or a string that says deny is not a rule).
        let lib = "package lib\n# deny contains x if { true }\nhelper(x) := y if { y := \"deny contains\" }\ndenyish := 1\n";
        assert!(load_one(lib).is_ok_and(|r| r.policies.is_empty()));
        let policy = format!("{META}package p\ndeny contains 1 if {{ true }}\n");
        let reg = load_one(&policy).expect("loads");
        assert_eq!(reg.policies.len(), 1);
        assert_eq!(reg.policies[0].meta.id, "T-1");
    }

    /// The built-in policies are read without parsing: what build.rs read off the text must be what
    /// the parser says.
    #[test]
    fn builtin_packages_and_deny_rules_read_off_the_text_match_the_parser() {
        for b in embedded::EMBEDDED {
            let mut engine = Engine::new();
            let package = engine
                .add_policy(b.path.to_string(), b.text.to_string())
                .expect("built-in policy parses");
            assert_eq!(package.trim_start_matches("data."), b.package, "{}", b.path);
            let deny = engine
                .has_declared_rule_rooted_at(b.path, "deny")
                .expect("checks");
            assert_eq!(deny, b.deny, "{}", b.path);
            assert_eq!(b.metadata, b.deny, "{}", b.path);
            // Every package it imports is a built-in library or the `lib` root.
            for i in b.imports {
                assert!(
                    embedded::EMBEDDED
                        .iter()
                        .any(|l| i == &l.package || i.starts_with(&format!("{}.", l.package))),
                    "{}: import {i}",
                    b.path
                );
            }
        }
    }

    /// The built-in METADATA is parsed late: every block must parse, with the id and name that
    /// build.rs read off the text.
    #[test]
    fn builtin_metadata_parses_and_ids_read_off_the_text_match() {
        for b in embedded::EMBEDDED {
            if !b.deny {
                assert!(b.ids.is_none(), "{}", b.path);
                continue;
            }
            let parsed = metadata::parse(b.text).expect("built-in METADATA parses");
            assert_eq!(
                b.ids,
                Some((parsed.id.as_str(), parsed.name.as_str())),
                "{}",
                b.path
            );
            assert_eq!(
                metadata::parse(b.block).expect("block parses").id,
                parsed.id
            );
            assert_eq!(metadata_block(b.text), b.block);
            assert_eq!(
                text::input_collections(b.text),
                b.inputs.iter().map(|s| s.to_string()).collect::<Vec<_>>()
            );
        }
    }

    /// A scan of one file of a module runs only the policies that read what that file defines.
    #[test]
    fn evaluate_reading_runs_only_the_policies_of_the_collections_given() {
        let reg = Registry::builtin().expect("loads");
        let mut model = Model::default();
        model.aws.ebs.volumes.push(crate::model::Volume {
            meta: crate::model::Meta {
                id: "v".into(),
                ..Default::default()
            },
            encrypted: Some(false),
            ..Default::default()
        });
        model.aws.sns.topics.push(crate::model::Topic::default());
        let mut local = reg.engines();
        let (all, _) = reg.evaluate(&mut local, &model);
        assert!(all.iter().any(|r| r.id == "v"), "{all:?}");
        let (topics, failures) = reg.evaluate_reading(&mut local, &model, &["aws.sns.topics"]);
        assert!(failures.is_empty(), "{failures:?}");
        assert!(topics.iter().all(|r| r.id != "v"), "{topics:?}");
        let (volumes, _) = reg.evaluate_reading(&mut local, &model, &["aws.ebs.volumes"]);
        assert!(volumes.iter().any(|r| r.id == "v"), "{volumes:?}");
    }

    /// Built-in policies run on the compiled program: no interpreter engine is built for them.
    #[test]
    fn builtin_policies_need_no_engine() {
        let reg = Registry::builtin().expect("loads");
        let mut model = Model::default();
        model.aws.sns.topics.push(crate::model::Topic::default());
        let (_, failures) = reg.evaluate(&mut reg.engines(), &model);
        assert!(failures.is_empty(), "{failures:?}");
        assert!(reg.engines.lock().expect("lock").is_empty());
    }

    /// Interpreter engines (custom policies; here built-in ones interpreted) hold only the policies a
    /// model needs, and each set is compiled once.
    #[test]
    fn engines_are_built_per_needed_set_and_shared() {
        let mut reg = Registry::builtin().expect("loads");
        reg.interpret_all();
        let mut model = Model::default();
        model.aws.sns.topics.push(crate::model::Topic::default());
        let mut local = reg.engines();
        let (_, failures) = reg.evaluate(&mut local, &model);
        assert!(failures.is_empty(), "{failures:?}");
        let shared = reg.engines.lock().expect("lock");
        assert_eq!(shared.len(), 1);
        let set = shared.keys().next().expect("one set");
        assert!(set.iter().all(|&i| reg.policies[i]
            .inputs
            .iter()
            .any(|c| reads_collection(c, "aws.sns.topics"))));
        assert!(!set.is_empty() && set.len() < reg.policies.len());
        drop(shared);
        // A second thread reuses the compiled set.
        let mut other = reg.engines();
        reg.evaluate(&mut other, &model);
        assert_eq!(reg.engines.lock().expect("lock").len(), 1);
        // A model that needs other policies gets the engine with every policy, once; a third set is
        // served by it too.
        let mut volumes = Model::default();
        volumes
            .aws
            .ebs
            .volumes
            .push(crate::model::Volume::default());
        let (_, failures) = reg.evaluate(&mut other, &volumes);
        assert!(failures.is_empty(), "{failures:?}");
        let mut buckets = Model::default();
        buckets.aws.s3.buckets.push(crate::model::Bucket::default());
        reg.evaluate(&mut other, &buckets);
        let shared = reg.engines.lock().expect("lock");
        assert_eq!(shared.len(), 2);
        assert!(shared.keys().any(|k| k.len() == reg.policies.len()));
    }

    #[test]
    fn bad_rego_is_an_error_not_a_panic() {
        let err = Registry::load([("x.rego".to_string(), "package x\ndeny contains".to_string())]);
        assert!(err.is_err());
    }
}
