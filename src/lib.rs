//! preflight: finds public, unencrypted and overshared cloud resources in infrastructure code.
//!
//! The flow (see ARCHITECTURE.md): `discover` → `terraform::parse` → `terraform::eval` →
//! `terraform::adapt` (into `model`) → `policy` (regorus) → locate (here) → `report`.
//! [`scan`] is the API that the command line and the tests use.

pub(crate) mod adapt;
pub mod baseline;
pub mod cli;
pub mod cloudformation;
pub mod config;
pub mod discover;
pub mod finding;
pub mod fingerprint;
pub mod json;
pub mod json_spans;
pub mod model;
pub mod policy;
pub mod redact;
pub mod report;
pub mod source;
pub mod suppress;
pub mod terraform;
pub mod yaml;

use finding::{Finding, ScanError};
use policy::Registry;
use rayon::prelude::*;
use source::{display_path, FileId, SourceFile, SourceMap};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use terraform::inputs::Inputs;
use terraform::module::normalize;

/// Empties `cell`, keeping the first of equal items: the reasons or trace steps met during one
/// evaluation, each once.
pub(crate) fn drain_unique<T: PartialEq>(cell: &std::cell::RefCell<Vec<T>>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in cell.borrow_mut().drain(..) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Largest file read by default (`--max-file-size`); larger ones are reported as errors.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// What to scan.
#[derive(Debug, Clone)]
pub struct Request {
    pub paths: Vec<PathBuf>,
    /// Reported paths are relative to this directory when under it.
    pub cwd: PathBuf,
    /// `--var name=value`, in order.
    pub vars: Vec<(String, String)>,
    /// `--var-file`, in order.
    pub var_files: Vec<PathBuf>,
    /// Environment variables (only `TF_VAR_*` are used).
    pub env: Vec<(String, String)>,
    /// Also list the checks that could not be decided.
    pub show_unknown: bool,
    /// `--cfn-param name=value`, in order.
    pub cfn_params: Vec<(String, String)>,
    /// `--cfn-params FILE`, in order.
    pub cfn_param_files: Vec<PathBuf>,
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Which rules' findings are reported (`select`/`ignore`).
    pub selection: config::Selection,
    /// Paths left out (`exclude` in preflight.toml).
    pub exclude: Option<config::Exclude>,
    /// Problems with suppression directives are errors, not warnings (`--strict-suppressions`).
    pub strict_suppressions: bool,
}

impl Request {
    pub fn new(paths: Vec<PathBuf>, cwd: PathBuf) -> Request {
        Request {
            paths,
            cwd,
            vars: Vec::new(),
            var_files: Vec::new(),
            env: Vec::new(),
            show_unknown: false,
            cfn_params: Vec::new(),
            cfn_param_files: Vec::new(),
            max_file_bytes: MAX_FILE_BYTES,
            selection: config::Selection::default(),
            exclude: None,
            strict_suppressions: false,
        }
    }
}

/// What a scan found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub sources: SourceMap,
    /// Sorted by file, line, column, rule.
    pub findings: Vec<Finding>,
    pub errors: Vec<ScanError>,
    /// Checks that could not be decided (`Some` only with `show_unknown`), sorted like findings.
    pub undecided: Option<Vec<finding::Undecided>>,
    /// Problems that do not fail the run: unused or expired suppression directives.
    pub warnings: Vec<ScanError>,
    /// Findings left out by a suppression directive.
    pub suppressed: usize,
    /// Those findings, each with the directive's reason (SARIF reports them as suppressed).
    pub suppressed_findings: Vec<finding::Suppressed>,
    /// Infrastructure files scanned (those reported on).
    pub files: usize,
}

/// Scans the request's paths with the registry's policies.
pub fn scan(req: &Request, registry: &Registry) -> Outcome {
    let (mut units, mut errors) = discover::discover(&req.paths);
    if let Some(exclude) = &req.exclude {
        units = exclude.filter_units(units, &req.cwd);
    }

    // Read every file once, in parallel, then number them in a stable order.
    let mut paths: Vec<&PathBuf> = units
        .iter()
        .flat_map(|u| u.files.iter().chain(&u.var_files))
        .chain(&req.var_files)
        .chain(&req.cfn_param_files)
        .collect();
    paths.sort();
    paths.dedup();
    let read: Vec<Result<SourceFile, ScanError>> =
        paths.par_iter().map(|p| read_source(p, req)).collect();
    let mut sources = SourceMap::default();
    let mut ids: HashMap<&Path, FileId> = HashMap::new();
    let mut unreadable: BTreeSet<&Path> = BTreeSet::new();
    for (path, result) in paths.iter().zip(read) {
        match result {
            Ok(file) => {
                ids.insert(path.as_path(), sources.add(file));
            }
            Err(e) => {
                unreadable.insert(path.as_path());
                let given = req.var_files.contains(path) || req.cfn_param_files.contains(path);
                if given || units.iter().any(|u| u.report.contains(*path)) {
                    errors.push(e);
                }
            }
        }
    }

    let files = units.iter().map(|u| u.report.len()).sum::<usize>();
    let mut nothing_scanned = Vec::new();
    if units.is_empty() {
        // An empty repository passes, but not without a word: a wrong path would pass the same way.
        let given: Vec<String> = req
            .paths
            .iter()
            .map(|p| format!("`{}`", display_path(p, &req.cwd)))
            .collect();
        // No file to point at: the paths are named in the message.
        nothing_scanned.push(ScanError {
            span: None,
            file: None,
            path: None,
            message: format!(
                "nothing was scanned: no infrastructure files (Terraform .tf or .tf.json, \
                 CloudFormation templates, Terraform plans) in {}",
                given.join(", ")
            ),
        });
    }

    // Variable values from outside the modules, lowest precedence first: the environment, then (per
    // module) its auto-loaded variable files, then --var-file and --var.
    let env_inputs = Inputs::from_env(&req.env);
    let given_files: Vec<FileId> = req
        .var_files
        .iter()
        .filter_map(|p| ids.get(p.as_path()).copied())
        .collect();
    let mut cli_inputs = Inputs::from_files(&sources, &given_files, &mut errors);
    cli_inputs.overlay(&Inputs::from_flags(&req.vars));
    let mut cfn_params = std::collections::HashMap::new();
    for p in &req.cfn_param_files {
        if let Some(&id) = ids.get(p.as_path()) {
            match cloudformation::parameter_file(&sources.get(id).text) {
                Ok(values) => cfn_params.extend(values),
                Err(e) => errors.push(ScanError::parse(source::Span::new(id, e.span), e.message)),
            }
        }
    }
    cfn_params.extend(req.cfn_params.iter().cloned());

    // The module graph: which directories each directory calls through a local source. Only a file
    // that mentions `module` can hold a call, so the others are not parsed here.
    let mut dirs: BTreeMap<PathBuf, Vec<FileId>> = BTreeMap::new();
    let (modules, plans): (Vec<discover::Unit>, Vec<discover::Unit>) = units
        .iter()
        .cloned()
        .partition(|u| u.kind == discover::Kind::Terraform);
    for unit in &modules {
        let files = unit
            .files
            .iter()
            .filter_map(|p| ids.get(p.as_path()).copied())
            .collect();
        dirs.insert(normalize(&unit.dir), files);
    }
    let mut calls: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    // Remote modules that `terraform init` installed, per root directory: module key → directory.
    let mut installed: BTreeMap<PathBuf, terraform::module::Installed> = BTreeMap::new();
    for dir in dirs.keys() {
        if let Some(modules) = terraform::module::installed_modules(dir) {
            calls
                .entry(dir.clone())
                .or_default()
                .extend(modules.values().cloned());
            installed.insert(dir.clone(), modules);
        }
    }
    let mut pending: Vec<PathBuf> = dirs.keys().cloned().collect();
    while !pending.is_empty() {
        let found: Vec<(PathBuf, BTreeSet<PathBuf>)> = pending
            .par_iter()
            .map(|dir| (dir.clone(), module_sources(&sources, &dirs[dir], dir)))
            .collect();
        pending.clear();
        for (dir, children) in found {
            let entry = calls.entry(dir).or_default();
            entry.extend(children);
            for c in entry.iter() {
                if !dirs.contains_key(c)
                    && !pending.contains(c)
                    && dirs.len() + pending.len() < MAX_MODULE_DIRS
                {
                    pending.push(c.clone());
                }
            }
        }
        // Modules outside the scanned directories are read when something scanned calls them.
        for dir in &pending {
            let mut here = Vec::new();
            for path in discover::terraform_files_in(dir) {
                match read_source(&path, req) {
                    Ok(file) => here.push(sources.add(file)),
                    Err(e) => errors.push(e),
                }
            }
            dirs.insert(dir.clone(), here);
        }
    }
    let roots = root_units(&modules, &calls);
    // Reported: the files named or walked, the variable files, and the files of module directories
    // that were loaded only because a scanned module calls them.
    let unit_dirs: BTreeSet<PathBuf> = units.iter().map(|u| normalize(&u.dir)).collect();
    let report: BTreeSet<FileId> = units
        .iter()
        .flat_map(|u| u.report.iter().chain(&u.var_files))
        .chain(&req.var_files)
        .chain(&req.cfn_param_files)
        .filter_map(|p| ids.get(p.as_path()).copied())
        .chain(
            dirs.iter()
                .filter(|(d, _)| !unit_dirs.contains(*d))
                .flat_map(|(_, files)| files.iter().copied()),
        )
        .collect();
    errors.retain(|e| e.file.is_none_or(|f| report.contains(&f)));

    // Evaluate each root module with one engine per worker.
    // What `file()` and `templatefile()` may read: the scanned directories (a file argument's directory).
    let mut scan_dirs: Vec<PathBuf> = req
        .paths
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .map(|p| {
            if p.is_file() {
                p.parent().map(Path::to_path_buf).unwrap_or(p)
            } else {
                p
            }
        })
        .collect();
    scan_dirs.sort();
    scan_dirs.dedup();
    let shared = Shared {
        dirs: &dirs,
        calls: &calls,
        sources: &sources,
        report: &report,
        registry,
        show_unknown: req.show_unknown,
        cfn_params: &cfn_params,
        roots: &scan_dirs,
        max_file_bytes: req.max_file_bytes,
    };
    let jobs: Vec<&discover::Unit> = roots.into_iter().chain(&plans).collect();
    let results: Vec<RootResult> = jobs
        .par_iter()
        .map_init(
            || registry.engines(),
            |engine, unit| {
                if unit.kind != discover::Kind::Terraform {
                    let Some(&id) = unit.files.first().and_then(|p| ids.get(p.as_path())) else {
                        return RootResult::default();
                    };
                    return match unit.kind {
                        discover::Kind::Plan => scan_plan(&shared, id, engine),
                        _ => scan_template(&shared, id, engine),
                    };
                }
                let var_files: Vec<FileId> = unit
                    .var_files
                    .iter()
                    .filter_map(|p| ids.get(p.as_path()).copied())
                    .collect();
                let mut unit_errors = Vec::new();
                let mut inputs = env_inputs.clone();
                inputs.overlay(&Inputs::from_files(&sources, &var_files, &mut unit_errors));
                inputs.overlay(&cli_inputs);
                let root = normalize(&unit.dir);
                let installed = installed.get(&root).cloned().unwrap_or_default();
                let mut result = scan_root(&shared, &root, installed, inputs, engine);
                result.errors.extend(unit_errors);
                result
            },
        )
        .collect();
    let mut findings = Vec::new();
    let mut undecided = Vec::new();
    let mut directives = Vec::new();
    let mut notes = Vec::new();
    for r in results {
        findings.extend(r.findings);
        errors.extend(r.errors);
        notes.extend(r.notes);
        undecided.extend(r.undecided);
        directives.extend(r.directives);
    }
    for &id in &report {
        directives.extend(suppress::directives(id, sources.get(id)));
    }
    let (mut suppressed_findings, mut problems) =
        apply_suppressions(&mut findings, &directives, &sources, registry);
    let suppressed = suppressed_findings.len();
    problems.extend(suppress::reasonless(&directives));
    let mut warnings = Vec::new();
    if req.strict_suppressions {
        errors.extend(problems);
    } else {
        warnings.extend(problems);
    }
    config::retain(req, &sources, registry, &mut findings, &mut undecided);
    warnings.extend(notes);
    warnings.extend(nothing_scanned);
    sort_errors(&mut warnings, &sources);
    // A module called from several roots, or a call with several instances, notes a problem once.
    warnings.dedup_by(|a, b| a.span == b.span && a.message == b.message && a.path == b.path);

    sort_findings(&mut findings, &sources, registry);
    sort_suppressed(&mut suppressed_findings, &sources, registry);
    undecided.sort_by_cached_key(|u| {
        let file = sources.get(u.span.file);
        (
            file.display.clone(),
            file.line_col(u.span.range.start),
            registry.policies[u.rule].meta.id.clone(),
            u.resource.clone(),
            u.attribute.clone(),
        )
    });
    undecided.dedup_by(|a, b| {
        a.rule == b.rule && a.resource == b.resource && a.attribute == b.attribute
    });
    sort_errors(&mut errors, &sources);
    // A module called from several roots reports its problems once.
    errors.dedup_by(|a, b| a.span == b.span && a.message == b.message && a.path == b.path);
    Outcome {
        sources,
        findings,
        errors,
        undecided: req.show_unknown.then_some(undecided),
        warnings,
        suppressed,
        suppressed_findings,
        files,
    }
}

/// Most module directories loaded for one scan (a guard against runaway module graphs).
const MAX_MODULE_DIRS: usize = 50_000;

/// The directories that the files of `dir` call as modules through a local source.
fn module_sources(sources: &SourceMap, files: &[FileId], dir: &Path) -> BTreeSet<PathBuf> {
    files
        .iter()
        .filter(|&&id| sources.get(id).text.contains("module"))
        .filter_map(|&id| terraform::parse::parse(id, sources.get(id)).ok())
        .flat_map(|p| terraform::module::local_sources(&p.body, dir))
        .collect()
}

/// `root` and every directory it reaches through module calls.
fn reachable(root: &Path, calls: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> BTreeSet<PathBuf> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if seen.insert(dir.clone()) {
            stack.extend(calls.get(&dir).into_iter().flatten().cloned());
        }
    }
    seen
}

/// The units evaluated as root modules: those no other module of the scan calls, plus any that only a
/// cycle of calls reaches (so that nothing is left out).
fn root_units<'u>(
    units: &'u [discover::Unit],
    calls: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
) -> Vec<&'u discover::Unit> {
    let called: BTreeSet<&PathBuf> = calls.values().flatten().collect();
    let mut roots: Vec<&discover::Unit> = units
        .iter()
        .filter(|u| !called.contains(&normalize(&u.dir)))
        .collect();
    let mut reached: BTreeSet<PathBuf> = BTreeSet::new();
    for r in &roots {
        reached.extend(reachable(&normalize(&r.dir), calls));
    }
    for u in units {
        let dir = normalize(&u.dir);
        if !reached.contains(&dir) {
            reached.extend(reachable(&dir, calls));
            roots.push(u);
        }
    }
    roots
}

/// What every root module's evaluation shares.
struct Shared<'s> {
    dirs: &'s BTreeMap<PathBuf, Vec<FileId>>,
    calls: &'s BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    sources: &'s SourceMap,
    /// Files whose findings and errors are reported.
    report: &'s BTreeSet<FileId>,
    registry: &'s Registry,
    show_unknown: bool,
    /// CloudFormation parameter values given on the command line.
    cfn_params: &'s std::collections::HashMap<String, String>,
    /// Canonical scanned directories: what `file()` may read.
    roots: &'s [PathBuf],
    max_file_bytes: u64,
}

/// What one root module's evaluation found.
#[derive(Default)]
struct RootResult {
    findings: Vec<Finding>,
    errors: Vec<ScanError>,
    undecided: Vec<finding::Undecided>,
    /// Suppressions that are not comments (CloudFormation `Metadata.preflight.ignore`).
    directives: Vec<suppress::Directive>,
    /// What was left out without being wrong (remote modules that are not installed).
    notes: Vec<ScanError>,
}

/// Parses the root module and the modules it reaches, evaluates them and runs the policies. The
/// syntax trees live only while this root is evaluated.
fn scan_root(
    cx: &Shared,
    root: &Path,
    installed: terraform::module::Installed,
    inputs: Inputs,
    engine: &mut policy::Engines,
) -> RootResult {
    let mut out = RootResult::default();
    let mut parsed = Vec::new();
    let needed = reachable(root, cx.calls);
    for dir in &needed {
        for &id in cx.dirs.get(dir).into_iter().flatten() {
            match terraform::parse::parse(id, cx.sources.get(id)) {
                Ok(p) => parsed.push((dir, p)),
                Err(e) if cx.report.contains(&id) => out.errors.push(e),
                Err(_) => {}
            }
        }
    }
    let mut workspace = terraform::module::Workspace::new();
    for dir in &needed {
        let files = parsed.iter().filter(|(d, _)| *d == dir).map(|(_, p)| p);
        workspace.insert(
            dir.clone(),
            terraform::module::Module::new(files).in_dir(dir.clone()),
        );
    }
    let Some(module) = workspace.get(root) else {
        return out;
    };
    let readable = (cx.roots.to_vec(), cx.max_file_bytes);
    let modules_installed = installed.clone();
    let mut analysis = terraform::analyze_module(module, &workspace, installed, inputs, readable);
    analysis.remap(parsed.iter().map(|(_, p)| p));
    out.errors.extend(
        std::mem::take(&mut analysis.errors)
            .into_iter()
            .filter(|e| e.file.is_none_or(|f| cx.report.contains(&f))),
    );
    out.notes.extend(
        std::mem::take(&mut analysis.notes)
            .into_iter()
            .filter(|e| e.file.is_none_or(|f| cx.report.contains(&f))),
    );
    judge(
        cx,
        &analysis,
        &module.dir.display().to_string(),
        engine,
        &mut out,
    );
    // A suppression on a `module` block covers what the call creates.
    for f in &mut out.findings {
        f.calls =
            terraform::module::call_headers(&workspace, root, &modules_installed, &f.resource);
        for span in &mut f.calls {
            if let Some(remap) = parsed
                .iter()
                .find(|(_, p)| p.file == span.file)
                .and_then(|(_, p)| p.remap.as_ref())
            {
                span.range = remap.range(span.range.clone());
            }
        }
    }
    out
}

/// Reads a `terraform show -json` plan and judges its planned values.
fn scan_plan(cx: &Shared, id: FileId, engine: &mut policy::Engines) -> RootResult {
    let mut out = RootResult::default();
    let file = cx.sources.get(id);
    let doc = match json::parse(&file.text) {
        Ok(doc) => doc,
        Err(e) => {
            out.errors.push(ScanError::parse(
                source::Span::new(id, e.span),
                format!("Terraform plan is not valid JSON: {}", e.message),
            ));
            return out;
        }
    };
    let plan = match terraform::plan::Plan::from_json(&doc) {
        Ok(plan) => plan,
        Err(e) => {
            out.errors
                .push(ScanError::parse(source::Span::new(id, e.span), e.message));
            return out;
        }
    };
    let (model, locations) = terraform::adapt::adapt_plan(id, &plan);
    let analysis = terraform::Analysis {
        notes: Vec::new(),
        model,
        locations,
        errors: Vec::new(),
    };
    judge(cx, &analysis, &file.display, engine, &mut out);
    out
}

/// Reads a CloudFormation template (YAML or JSON) and judges its resources.
fn scan_template(cx: &Shared, id: FileId, engine: &mut policy::Engines) -> RootResult {
    let mut out = RootResult::default();
    let file = cx.sources.get(id);
    let is_json = file.text.trim_start().starts_with('{');
    let parsed = if is_json {
        json::parse(&file.text)
    } else {
        yaml::parse(&file.text)
    };
    let root = match parsed {
        Ok(root) => root,
        Err(e) => {
            out.errors.push(ScanError::parse(
                source::Span::new(id, e.span),
                format!(
                    "CloudFormation template is not valid {}: {}",
                    if is_json { "JSON" } else { "YAML" },
                    e.message
                ),
            ));
            return out;
        }
    };
    // YAML or JSON that mentions templates but is not one (a workflow, a config file): skipped; but a
    // document that declares AWSTemplateFormatVersion must be a mapping.
    let Some(tpl) = cloudformation::Template::from_node(&root, cx.cfn_params.clone()) else {
        if !matches!(root.kind, json::Kind::Object(_))
            && file.text.contains("AWSTemplateFormatVersion")
        {
            out.errors.push(ScanError::parse(
                source::Span::new(id, root.span.start..root.span.start),
                "a CloudFormation template must be a mapping of sections (AWSTemplateFormatVersion, Resources, …)".into(),
            ));
        }
        return out;
    };
    for r in &tpl.resources {
        out.directives.extend(suppress::metadata_directives(
            id,
            file,
            r.entry,
            &mut out.notes,
        ));
    }
    let judge_template = |tpl: &cloudformation::Template, engine: &mut policy::Engines| {
        let (model, locations) = cloudformation::adapt::adapt(id, tpl);
        let analysis = terraform::Analysis {
            notes: Vec::new(),
            model,
            locations,
            errors: Vec::new(),
        };
        let mut r = RootResult::default();
        judge(cx, &analysis, &file.display, engine, &mut r);
        for f in &mut r.findings {
            f.cloudformation = true;
        }
        r
    };
    let first = judge_template(&tpl, engine);
    let undecided: Vec<String> = tpl
        .undecided_conditions()
        .into_iter()
        .take(MAX_ASSUMED)
        .collect();
    if undecided.is_empty() {
        out.findings = first.findings;
        out.errors.extend(first.errors);
        out.undecided = first.undecided;
        return out;
    }
    // Conditions that cannot be decided: every branch can be taken, so judge each assignment and name the
    // conditions under which a finding holds when it does not hold under all of them.
    // (rule, span start, resource, path) → the finding and the runs that found it.
    let mut by_key: BTreeMap<FindingKey, (Finding, Vec<usize>)> = BTreeMap::new();
    let runs = 1usize << undecided.len();
    for run in 0..runs {
        let assumed: std::collections::HashMap<String, bool> = undecided
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), run & (1 << i) != 0))
            .collect();
        let Some(t) = cloudformation::Template::from_node(&root, cx.cfn_params.clone()) else {
            return out;
        };
        let r = judge_template(&t.assuming(assumed), engine);
        if run == 0 {
            out.errors.extend(r.errors);
        }
        for f in r.findings {
            let key = (
                f.rule,
                f.span.range.start,
                f.resource.clone(),
                f.path.clone(),
            );
            by_key
                .entry(key)
                .or_insert_with(|| (f, Vec::new()))
                .1
                .push(run);
        }
    }
    for (_, (mut f, found_in)) in by_key {
        if found_in.len() < runs {
            let when: Vec<String> = undecided
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let values: Vec<bool> =
                        found_in.iter().map(|run| run & (1 << i) != 0).collect();
                    let all_same = values.windows(2).all(|w| w[0] == w[1]);
                    all_same.then(|| {
                        format!(
                            "condition {c} is {}",
                            values.first().copied().unwrap_or(false)
                        )
                    })
                })
                .collect();
            if !when.is_empty() {
                f.message = format!("{} (when {})", f.message, when.join(" and "));
            }
        }
        out.findings.push(f);
    }
    out.undecided = first.undecided;
    out
}

/// What makes two findings of different runs the same: rule, span start, resource, attribute path.
type FindingKey = (usize, usize, String, String);

/// Most undecidable conditions whose branches are judged one by one (2^n evaluations of a template).
const MAX_ASSUMED: usize = 3;

/// Removes the findings that a directive covers; returns how many, and the warnings: a rule ID that no
/// rule has, an expiry date that is not a date (the directive is then not applied), an expired
/// directive, and IDs that matched no finding.
fn apply_suppressions(
    findings: &mut Vec<Finding>,
    directives: &[suppress::Directive],
    sources: &SourceMap,
    registry: &Registry,
) -> (Vec<finding::Suppressed>, Vec<ScanError>) {
    let today = suppress::today();
    let expiry = |d: &suppress::Directive| match &d.expires {
        None => Expiry::Never,
        Some(e) if !suppress::valid_date(&e.text) => Expiry::Invalid,
        Some(e) if e.text.as_str() < today.as_str() => Expiry::Passed,
        Some(_) => Expiry::Later,
    };
    let applied: Vec<bool> = directives
        .iter()
        .map(|d| matches!(expiry(d), Expiry::Never | Expiry::Later))
        .collect();
    // Per directive, per ID: whether it named the rule of a finding it covers.
    let mut used: Vec<Vec<bool>> = directives
        .iter()
        .map(|d| vec![false; d.ids.len()])
        .collect();
    let index = suppress::Index::new(directives);
    let mut removed = Vec::new();
    findings.retain(|f| {
        let policy = &registry.policies[f.rule];
        let line = sources.get(f.span.file).line_col(f.span.range.start).line;
        let header_line = sources
            .get(f.header.file)
            .line_col(f.header.range.start)
            .line;
        let mut keep = true;
        let mut covering = index.covering(&f.span, line, &f.header, header_line);
        for call in &f.calls {
            let call_line = sources.get(call.file).line_col(call.range.start).line;
            covering.extend(index.covering(call, call_line, call, call_line));
        }
        covering.sort_unstable();
        covering.dedup();
        for i in covering {
            let d = &directives[i];
            for (k, w) in d.ids.iter().enumerate() {
                if suppress::names_rule(&w.text, &policy.id, &policy.name) {
                    used[i][k] = true;
                    if keep && applied[i] {
                        keep = false;
                        removed.push(finding::Suppressed {
                            finding: f.clone(),
                            reason: d.reason.clone(),
                        });
                    }
                }
            }
        }
        keep
    });
    let known = |w: &str| {
        registry
            .policies
            .iter()
            .any(|p| suppress::names_rule(w, &p.id, &p.name))
    };
    let mut warnings = Vec::new();
    for (d, used) in directives.iter().zip(used) {
        let at = |range: &std::ops::Range<usize>| source::Span::new(d.file, range.clone());
        if d.ids.is_empty() {
            warnings.push(ScanError::parse(
                at(&d.range),
                "suppression names no rule: write `preflight:ignore RULE-ID -- reason`".into(),
            ));
        }
        for w in d.ids.iter().filter(|w| !known(&w.text)) {
            let hint = suppress::closest(
                &w.text,
                registry
                    .policies
                    .iter()
                    .flat_map(|p| [p.id.as_str(), p.name.as_str()]),
            )
            .map_or_else(
                || "; `preflight rules` lists the rules".to_string(),
                |k| format!("; did you mean `{k}`?"),
            );
            warnings.push(ScanError::parse(
                at(&w.range),
                format!("no rule `{}`{hint}", w.text),
            ));
        }
        let ids = |ws: &mut dyn Iterator<Item = &suppress::Word>| {
            ws.map(|w| w.text.as_str()).collect::<Vec<_>>().join(", ")
        };
        match (expiry(d), &d.expires) {
            (Expiry::Invalid, Some(e)) => warnings.push(ScanError::parse(
                at(&e.range),
                if e.text.is_empty() {
                    "`exp:` has no date: expected YYYY-MM-DD; the suppression is not applied".into()
                } else {
                    format!(
                        "invalid expiry date `{}`: expected YYYY-MM-DD; the suppression is not applied",
                        e.text
                    )
                },
            )),
            (Expiry::Passed, Some(e)) => warnings.push(ScanError::parse(
                at(&d.range),
                format!(
                    "suppression of {} expired on {}; the findings it covered are reported again",
                    ids(&mut d.ids.iter()),
                    e.text
                ),
            )),
            _ => {
                let unused: Vec<&suppress::Word> = d
                    .ids
                    .iter()
                    .zip(&used)
                    .filter(|(w, used)| !**used && known(&w.text))
                    .map(|(w, _)| w)
                    .collect();
                if used.iter().any(|u| *u) {
                    // Some IDs did their work: each unused one is pointed at.
                    for w in unused {
                        warnings.push(ScanError::parse(
                            at(&w.range),
                            format!(
                                "suppression of {} matches no finding here; remove it",
                                w.text
                            ),
                        ));
                    }
                } else if !unused.is_empty() {
                    warnings.push(ScanError::parse(
                        at(&d.range),
                        format!(
                            "suppression of {} matches no finding here; remove it",
                            ids(&mut unused.into_iter())
                        ),
                    ));
                }
            }
        }
    }
    (removed, warnings)
}

/// Where a directive's expiry date stands.
enum Expiry {
    Never,
    Later,
    Passed,
    Invalid,
}

/// Runs the policies on an analysis and locates their results (and, when asked, the undecided checks).
fn judge(
    cx: &Shared,
    analysis: &terraform::Analysis,
    what: &str,
    engine: &mut policy::Engines,
    out: &mut RootResult,
) {
    let (raw, failures) = cx.registry.evaluate(engine, &analysis.model);
    for message in failures {
        out.errors.push(ScanError {
            span: None,
            file: None,
            path: Some(what.to_string()),
            message: format!("policy evaluation failed: {message}"),
        });
    }
    for r in raw {
        let policy = &cx.registry.policies[r.policy];
        let Some(located) = analysis.locations.locate(&r.id, &r.path) else {
            out.errors.push(ScanError {
                span: None,
                file: None,
                path: Some(policy.source_path.clone()),
                message: format!(
                    "policy {} returned entity `{}`, which is not in the model",
                    policy.meta.id, r.id
                ),
            });
            continue;
        };
        // Reported when it is in a reported file, or its value comes from one (a file named on the
        // command line that sets a variable another file of the module uses).
        let from_reported = located
            .trace
            .iter()
            .any(|t| t.span.as_ref().is_some_and(|s| cx.report.contains(&s.file)));
        if !cx.report.contains(&located.span.file) && !from_reported {
            continue;
        }
        out.findings.push(Finding {
            rule: r.policy,
            resource: located.entity.resource.clone(),
            span: located.span,
            message: r.message,
            path: r.path,
            missing: located.missing,
            trace: located.trace,
            header: located.entity.header.clone(),
            cloudformation: false,
            calls: Vec::new(),
        });
    }
    if cx.show_unknown {
        out.undecided = undecided(cx, analysis, engine);
    }
}

/// The checks a policy could not decide because an attribute it reads is unknown. A check that could
/// not fire whatever the value is (a probe with every value the policy compares to finds nothing) is
/// left out, unless something else it reads is unknown too (the probe sets one value): another
/// attribute of the same entity (a network ACL's rules are judged in order), or an attribute of an
/// entity of another collection it reads (an account-wide setting).
fn undecided(
    cx: &Shared,
    analysis: &terraform::Analysis,
    engines: &mut policy::Engines,
) -> Vec<finding::Undecided> {
    let mut out = Vec::new();
    let model_json = serde_json::to_value(&analysis.model).unwrap_or_default();
    let metas = analysis.model.metas();
    for &(collection, meta) in &metas {
        for path in &meta.unknown {
            let field = path.split(['.', '[']).next().unwrap_or(path);
            for (i, p) in cx.registry.policies.iter().enumerate() {
                if !p
                    .inputs
                    .iter()
                    .any(|c| policy::reads_collection(c, collection))
                    || !p.reads.contains(field)
                {
                    continue;
                }
                let Some(located) = analysis.locations.locate(&meta.id, path) else {
                    continue;
                };
                if !cx.report.contains(&located.span.file) {
                    continue;
                }
                let reads = |u: &String| p.reads.contains(u.split(['.', '[']).next().unwrap_or(u));
                let alone = !meta
                    .unknown
                    .iter()
                    .any(|other| other != path && reads(other))
                    && !metas.iter().any(|(c, m)| {
                        *c != collection
                            && p.inputs.iter().any(|i| policy::reads_collection(i, c))
                            && m.unknown.iter().any(reads)
                    });
                let check = policy::probe::Check {
                    policy: i,
                    collection,
                    id: &meta.id,
                    path,
                };
                if alone
                    && !cx
                        .registry
                        .could_fire(engines, &analysis.model, &model_json, &check)
                {
                    continue;
                }
                out.push(finding::Undecided {
                    rule: i,
                    resource: located.entity.resource.clone(),
                    attribute: path.clone(),
                    span: located.span,
                    reasons: analysis.locations.why(&meta.id, path),
                });
            }
        }
    }
    out
}

fn read_source(path: &Path, req: &Request) -> Result<SourceFile, ScanError> {
    let cwd = &req.cwd;
    let display = display_path(path, cwd);
    let unreadable = |m: String| ScanError::unreadable(display.clone(), m);
    let meta = std::fs::metadata(path).map_err(|e| unreadable(format!("cannot read file: {e}")))?;
    if meta.len() > req.max_file_bytes {
        return Err(unreadable(format!(
            "file is {} bytes, larger than the {} byte limit",
            meta.len(),
            req.max_file_bytes
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(format!("cannot read file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "file is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok(SourceFile::new(
        path.to_path_buf(),
        display,
        Arc::from(text),
    ))
}

/// Sorts by file, line, column, rule id, message; drops exact duplicates.
fn sort_findings(findings: &mut Vec<Finding>, sources: &SourceMap, registry: &Registry) {
    let key = |f: &Finding| {
        let file = sources.get(f.span.file);
        let lc = file.line_col(f.span.range.start);
        (
            file.display.clone(),
            lc,
            registry.policies[f.rule].meta.id.clone(),
            f.message.clone(),
            f.resource.clone(),
        )
    };
    findings.sort_by_cached_key(key);
    findings.dedup_by(|a, b| {
        a.rule == b.rule && a.span == b.span && a.message == b.message && a.resource == b.resource
    });
}

/// Suppressed findings in the order of findings, each once.
fn sort_suppressed(list: &mut Vec<finding::Suppressed>, sources: &SourceMap, registry: &Registry) {
    list.sort_by_cached_key(|s| {
        let f = &s.finding;
        let file = sources.get(f.span.file);
        (
            file.display.clone(),
            file.line_col(f.span.range.start),
            registry.policies[f.rule].meta.id.clone(),
            f.message.clone(),
            f.resource.clone(),
        )
    });
    list.dedup_by(|a, b| {
        let (a, b) = (&a.finding, &b.finding);
        a.rule == b.rule && a.span == b.span && a.message == b.message && a.resource == b.resource
    });
}

fn sort_errors(errors: &mut [ScanError], sources: &SourceMap) {
    errors.sort_by_cached_key(|e| {
        let file = e
            .file
            .map(|f| sources.get(f).display.clone())
            .or_else(|| e.path.clone())
            .unwrap_or_default();
        let pos = e.span.as_ref().map(|s| s.range.start).unwrap_or(0);
        (file, pos, e.message.clone())
    });
}
