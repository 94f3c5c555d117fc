//! The scan pipeline, one stage per module, in the order the flow runs (ARCHITECTURE.md):
//!
//! 1. [`files`]: the files, read once through a [`Files`] (the disk, or an editor's buffers over it);
//! 2. [`graph`]: the Terraform module graph and the root modules;
//! 3. per root module ([`root`]), plan ([`plan`]) and template ([`template`]), in parallel, each
//!    evaluated, adapted into the model and [`judge`]d (policies run, results located);
//! 4. [`suppressions`] applied, everything sorted into the [`Outcome`].
//!
//! [`scan`] is what the command line uses; [`scan_with`] reads through another [`Files`] (the
//! language server). The [`Registry`] compiles policies on first use and keeps the engines, so one
//! registry held for the life of a process serves every scan after the first without compiling again.

mod files;
mod graph;
mod judge;
mod plan;
mod read_files;
mod root;
mod suppressions;
mod template;

pub use files::{Disk, Files, Overlay};

use crate::discover;
use crate::finding::{self, Finding, ScanError};
use crate::policy::{self, Registry};
use crate::source::{display_path, FileId, SourceMap};
use crate::terraform::inputs::Inputs;
use crate::terraform::module::normalize;
use crate::{cloudformation, source, suppress};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

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
    pub selection: crate::config::Selection,
    /// Paths left out (`exclude` in preflight.toml).
    pub exclude: Option<crate::config::Exclude>,
    /// Problems with suppression directives are errors, not warnings (`--strict-suppressions`).
    pub strict_suppressions: bool,
    /// Keep what the policies read, per root module, plan and template (`--print-input`).
    pub keep_inputs: bool,
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
            selection: crate::config::Selection::default(),
            exclude: None,
            strict_suppressions: false,
            keep_inputs: false,
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
    /// What a `--baseline` left out, once the front end has applied one.
    pub baseline: Option<crate::baseline::Applied>,
    /// With `keep_inputs`: what the policies read, one object per root module, plan and template
    /// (`source`, `model`, `resources`), sorted by source.
    pub inputs: Vec<serde_json::Value>,
}

/// Scans the request's paths, read from disk, with the registry's policies.
pub fn scan(req: &Request, registry: &Registry) -> Outcome {
    scan_with(req, registry, &Disk)
}

/// Scans the request's paths with the registry's policies, reading every file through `files`.
pub fn scan_with(req: &Request, registry: &Registry, files: &dyn Files) -> Outcome {
    let (mut units, mut errors) = discover::discover(&req.paths);
    files.complete(&req.paths, &mut units, &mut errors);
    if let Some(exclude) = &req.exclude {
        units = exclude.filter_units(units, &req.cwd);
    }
    let mut read = files::read_all(&units, req, files, &mut errors);
    let scanned = units.iter().map(|u| u.report.len()).sum::<usize>();
    let nothing_scanned = units.is_empty().then(|| nothing_scanned(req));
    let inputs = GivenInputs::new(req, &read, &mut errors);

    let (modules, plans): (Vec<discover::Unit>, Vec<discover::Unit>) = units
        .iter()
        .cloned()
        .partition(|u| u.kind == discover::Kind::Terraform);
    let graph = graph::build(&modules, &mut read, req, files, &mut errors);
    let roots = graph::root_units(&modules, &graph.calls);
    let report = reported(&units, req, &read, &graph);
    errors.retain(|e| e.file.is_none_or(|f| report.contains(&f)));

    let scan_dirs = readable_dirs(req);
    let shared = Shared {
        dirs: &graph.dirs,
        calls: &graph.calls,
        sources: &read.sources,
        report: &report,
        registry,
        show_unknown: req.show_unknown,
        keep_inputs: req.keep_inputs,
        cfn_params: &inputs.cfn_params,
        roots: &scan_dirs,
        max_file_bytes: req.max_file_bytes,
    };
    // Each root module, plan and template, in parallel, with one set of engines per worker.
    let jobs: Vec<&discover::Unit> = roots.into_iter().chain(&plans).collect();
    let results: Vec<RootResult> = jobs
        .par_iter()
        .map_init(
            || registry.engines(),
            |engine, unit| scan_unit(&shared, unit, &read, &inputs, &graph, engine),
        )
        .collect();
    gather(
        req,
        registry,
        (read.sources, files.locates_in_read_files()),
        &report,
        results,
        errors,
        nothing_scanned,
        scanned,
    )
}

/// An empty repository passes, but not without a word: a wrong path would pass the same way. There is
/// no file to point at: the paths are named in the message.
fn nothing_scanned(req: &Request) -> ScanError {
    let given: Vec<String> = req
        .paths
        .iter()
        .map(|p| format!("`{}`", display_path(p, &req.cwd)))
        .collect();
    ScanError {
        span: None,
        file: None,
        path: None,
        message: format!(
            "nothing was scanned: no infrastructure files (Terraform .tf or .tf.json, \
             CloudFormation templates, Terraform plans) in {}",
            given.join(", ")
        ),
    }
}

/// Values given from outside the modules and templates.
struct GivenInputs {
    /// `TF_VAR_*`: the lowest precedence, below each module's auto-loaded variable files.
    env: Inputs,
    /// `--var-file` then `--var`: above the auto-loaded files.
    cli: Inputs,
    /// CloudFormation parameters: `--cfn-params` files, then `--cfn-param`.
    cfn_params: HashMap<String, String>,
}

impl GivenInputs {
    fn new(req: &Request, read: &files::Read, errors: &mut Vec<ScanError>) -> GivenInputs {
        let env = Inputs::from_env(&req.env);
        let given_files = read.ids(&req.var_files);
        let mut cli = Inputs::from_files(&read.sources, &given_files, errors);
        cli.overlay(&Inputs::from_flags(&req.vars));
        let mut cfn_params = HashMap::new();
        for p in &req.cfn_param_files {
            if let Some(id) = read.id(p) {
                match cloudformation::parameter_file(&read.sources.get(id).text) {
                    Ok(values) => cfn_params.extend(values),
                    Err(e) => {
                        errors.push(ScanError::parse(source::Span::new(id, e.span), e.message))
                    }
                }
            }
        }
        cfn_params.extend(req.cfn_params.iter().cloned());
        GivenInputs {
            env,
            cli,
            cfn_params,
        }
    }
}

/// The files whose findings and errors are reported: the files named or walked, the variable files,
/// and the files of module directories that were loaded only because a scanned module calls them.
fn reported(
    units: &[discover::Unit],
    req: &Request,
    read: &files::Read,
    graph: &graph::Graph,
) -> BTreeSet<FileId> {
    let unit_dirs: BTreeSet<PathBuf> = units.iter().map(|u| normalize(&u.dir)).collect();
    units
        .iter()
        .flat_map(|u| u.report.iter().chain(&u.var_files))
        .chain(&req.var_files)
        .chain(&req.cfn_param_files)
        .filter_map(|p| read.id(p))
        .chain(
            graph
                .dirs
                .iter()
                .filter(|(d, _)| !unit_dirs.contains(*d))
                .flat_map(|(_, files)| files.iter().copied()),
        )
        .collect()
}

/// What `file()` and `templatefile()` may read: the scanned directories (a file argument's directory),
/// canonical.
fn readable_dirs(req: &Request) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = req
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
    dirs.sort();
    dirs.dedup();
    dirs
}

/// Evaluates and judges one unit: a root module with its inputs, a plan or a template.
fn scan_unit(
    shared: &Shared,
    unit: &discover::Unit,
    read: &files::Read,
    inputs: &GivenInputs,
    graph: &graph::Graph,
    engine: &mut policy::Engines,
) -> RootResult {
    if unit.kind != discover::Kind::Terraform {
        let Some(id) = unit.files.first().and_then(|p| read.id(p)) else {
            return RootResult::default();
        };
        return match unit.kind {
            discover::Kind::Plan => plan::scan_plan(shared, id, engine),
            _ => template::scan_template(shared, id, engine),
        };
    }
    // Lowest precedence first: the environment, the module's auto-loaded variable files, then
    // --var-file and --var.
    let var_files = read.ids(&unit.var_files);
    let mut unit_errors = Vec::new();
    let mut unit_inputs = inputs.env.clone();
    unit_inputs.overlay(&Inputs::from_files(
        &read.sources,
        &var_files,
        &mut unit_errors,
    ));
    unit_inputs.overlay(&inputs.cli);
    let root = normalize(&unit.dir);
    let installed = graph.installed.get(&root).cloned().unwrap_or_default();
    let mut result = root::scan_root(shared, &root, installed, unit_inputs, engine);
    result.errors.extend(unit_errors);
    result
}

/// Gathers the units' results: suppressions applied, everything sorted and deduplicated.
#[allow(clippy::too_many_arguments)]
fn gather(
    req: &Request,
    registry: &Registry,
    (sources, in_read_files): (SourceMap, bool),
    report: &BTreeSet<FileId>,
    results: Vec<RootResult>,
    mut errors: Vec<ScanError>,
    nothing_scanned: Option<ScanError>,
    files: usize,
) -> Outcome {
    let mut findings = Vec::new();
    let mut undecided = Vec::new();
    let mut directives = Vec::new();
    let mut notes = Vec::new();
    let mut kept = Vec::new();
    let (sources, results) = read_files::add_read_files(sources, results, &req.cwd, in_read_files);
    for r in results {
        kept.extend(r.inputs);
        findings.extend(r.findings);
        errors.extend(r.errors);
        notes.extend(r.notes);
        undecided.extend(r.undecided);
        directives.extend(r.directives);
    }
    for &id in report {
        directives.extend(suppress::directives(id, sources.get(id)));
    }
    let (mut suppressed_findings, mut problems) =
        suppressions::apply_suppressions(&mut findings, &directives, &sources, registry);
    let suppressed = suppressed_findings.len();
    problems.extend(suppress::reasonless(&directives));
    let mut warnings = Vec::new();
    if req.strict_suppressions {
        errors.extend(problems);
    } else {
        warnings.extend(problems);
    }
    crate::config::retain(req, &sources, registry, &mut findings, &mut undecided);
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
        baseline: None,
        inputs: {
            // A template judged once per branch of its conditions gives one input per branch.
            let key = |v: &serde_json::Value| v["source"].as_str().unwrap_or("").to_string();
            kept.sort_by_cached_key(key);
            kept.dedup();
            kept
        },
    }
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
    /// Keep each policy input (`Request::keep_inputs`).
    keep_inputs: bool,
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
    /// Files outside the scan that findings point into (a policy read by `file()`), numbered from
    /// the scan's file count on, in order: `gather` adds them to the source map.
    read_files: Vec<(PathBuf, std::sync::Arc<str>)>,
    /// The policy inputs, when kept.
    inputs: Vec<serde_json::Value>,
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
