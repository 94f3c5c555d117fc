//! `preflight lsp`: a Language Server Protocol server over stdio (on `lsp-server` and `lsp-types`).
//!
//! The main thread keeps the open buffers and answers requests; one scanning thread runs
//! [`crate::scan_with`] over an [`Overlay`] of the buffers, one unit at a time: a Terraform module
//! (directory) or a CloudFormation template. A change schedules its unit after a quiet time
//! (`debounceMs`); a result that a newer change has made stale is dropped. Every file of the unit is
//! published again, and a file whose findings are gone gets an empty list. A panic in a scan is
//! caught, logged to the client, and the server keeps serving.

mod actions;
mod report;
pub mod settings;
pub mod text;

use crate::discover::{self, FileKind};
use crate::policy::{self, Registry};
use crate::scan::Overlay;
use crate::terraform::module::normalize;
use crossbeam_channel::{select, Receiver, Sender};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, InitializeParams, LogMessageParams,
    MessageType, PublishDiagnosticsParams, Url,
};
use report::FileReport;
use settings::Settings;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What is scanned together.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A Terraform module: the `.tf`, `.tf.json` and auto-loaded variable files of a directory.
    Module(PathBuf),
    /// A CloudFormation template or a plan.
    File(PathBuf),
}

/// The unit a file belongs to, `None` for a file preflight does not read.
pub fn unit_of(path: &Path, text: &str) -> Option<Unit> {
    let name = path.file_name()?.to_string_lossy();
    let dir = normalize(path.parent().unwrap_or(Path::new("/")));
    if name.ends_with(".tfvars") || name.ends_with(".tfvars.json") {
        return Some(Unit::Module(dir));
    }
    match discover::file_kind(path, text)? {
        FileKind::Terraform | FileKind::VarFile => Some(Unit::Module(dir)),
        FileKind::Template | FileKind::Plan => Some(Unit::File(normalize(path))),
    }
}

/// An open buffer.
struct Doc {
    path: PathBuf,
    version: i32,
    text: String,
}

/// A scan for the worker.
struct Job {
    unit: Unit,
    generation: u64,
    request: crate::Request,
    overlay: Overlay,
    registry: Arc<Registry>,
    settings: Settings,
}

/// What the worker sends back.
struct Done {
    unit: Unit,
    generation: u64,
    /// Per file: the report; or a panic's message.
    result: Result<(BTreeMap<Url, FileReport>, Vec<String>), String>,
    elapsed: Duration,
}

struct Server {
    conn: Connection,
    root: PathBuf,
    settings: Settings,
    /// Compiled once and kept: its engines serve every scan until the policy directories change.
    registry: Arc<Registry>,
    docs: HashMap<Url, Doc>,
    /// Unit → when to scan it.
    due: BTreeMap<Unit, Instant>,
    /// Unit → the generation of the newest scan asked for.
    generation: HashMap<Unit, u64>,
    /// Unit → the files it last published diagnostics for, with their reports.
    published: HashMap<Unit, BTreeMap<Url, FileReport>>,
    jobs: Sender<Job>,
    done: Receiver<Done>,
    shutting_down: bool,
}

/// Runs the server on stdin/stdout until the client says `exit`.
pub fn run() -> Result<(), String> {
    let (conn, io) = Connection::stdio();
    let (id, params) = conn.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let root = workspace_root(&params);
    let mut settings = Settings::default();
    let mut problems = Vec::new();
    match settings::from_config_file(&root) {
        Ok(Some(project)) => settings.apply_project(project),
        Ok(None) => {}
        Err(e) => problems.push(e),
    }
    if let Some(opts) = &params.initialization_options {
        if let Err(e) = settings.update(opts, &root) {
            problems.push(e);
        }
    }
    conn.initialize_finish(id, actions::initialize_result())
        .map_err(|e| e.to_string())?;
    let (registry, registry_problem) = load_registry(&settings)?;
    problems.extend(registry_problem);
    let (jobs, job_rx) = crossbeam_channel::unbounded::<Job>();
    let (done_tx, done) = crossbeam_channel::unbounded::<Done>();
    let worker = std::thread::Builder::new()
        .name("preflight-scan".into())
        .spawn(move || scan_worker(job_rx, done_tx))
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        conn,
        root,
        settings,
        registry,
        docs: HashMap::new(),
        due: BTreeMap::new(),
        generation: HashMap::new(),
        published: HashMap::new(),
        jobs,
        done,
        shutting_down: false,
    };
    for p in problems {
        server.log(MessageType::ERROR, p);
    }
    let result = server.serve();
    let Server { conn, jobs, .. } = server;
    drop(jobs);
    drop(conn);
    let _ = worker.join();
    io.join().map_err(|e| e.to_string())?;
    result
}

fn workspace_root(params: &InitializeParams) -> PathBuf {
    #[allow(deprecated)]
    let uri = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or_else(|| params.root_uri.clone());
    uri.and_then(|u| u.to_file_path().ok())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("/"))
}

/// The built-in policies and the settings' custom ones; the built-in ones alone (and why) when the
/// custom ones cannot be loaded. Policies are compiled on first use and the engines kept: one
/// registry serves every scan until the policy directories change.
fn load_registry(settings: &Settings) -> Result<(Arc<Registry>, Option<String>), String> {
    let timeout = Duration::from_secs(5);
    let custom = Registry::with_custom(&settings.policy_dirs, timeout).and_then(|mut r| {
        if r.policies.iter().any(|p| p.custom) {
            let isolation = policy::worker::Isolation::current_exe()
                .map_err(|e| policy::PolicyError::new("preflight", e.to_string()))?;
            r.isolate_custom(isolation);
        }
        settings.project.apply_severity(&mut r);
        Ok(r)
    });
    match custom {
        Ok(r) => Ok((Arc::new(r), None)),
        Err(e) => {
            let mut builtin = Registry::builtin()
                .map_err(|b| format!("built-in policies: {}: {}", b.path, b.message))?;
            settings.project.apply_severity(&mut builtin);
            Ok((
                Arc::new(builtin),
                Some(format!(
                    "custom policies not loaded: {}: {}",
                    e.path, e.message
                )),
            ))
        }
    }
}

fn scan_worker(jobs: Receiver<Job>, done: Sender<Done>) {
    while let Ok(mut job) = jobs.recv() {
        // Only the newest job of a unit is worth running.
        while let Ok(next) = jobs.try_recv() {
            if next.unit == job.unit {
                job = next;
            } else {
                let result = run_job(&job);
                if done.send(result).is_err() {
                    return;
                }
                job = next;
            }
        }
        if done.send(run_job(&job)).is_err() {
            return;
        }
    }
}

fn run_job(job: &Job) -> Done {
    let start = Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let outcome = crate::scan_with(&job.request, &job.registry, &job.overlay);
        (
            report::reports(&outcome, &job.registry, &job.settings),
            report::unplaced(&outcome),
        )
    }))
    .map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        format!("internal error while scanning {:?}: {what}", job.unit)
    });
    Done {
        unit: job.unit.clone(),
        generation: job.generation,
        result,
        elapsed: start.elapsed(),
    }
}

impl Server {
    fn serve(&mut self) -> Result<(), String> {
        loop {
            let wait = self
                .due
                .values()
                .min()
                .map(|t| t.saturating_duration_since(Instant::now()))
                .unwrap_or(Duration::from_secs(3600));
            let receiver = self.conn.receiver.clone();
            let done = self.done.clone();
            select! {
                recv(receiver) -> msg => {
                    let Ok(msg) = msg else { return Ok(()) };
                    if self.message(msg)? {
                        return Ok(());
                    }
                }
                recv(done) -> d => {
                    if let Ok(d) = d {
                        self.finished(d);
                    }
                }
                default(wait) => {}
            }
            self.start_due();
        }
    }

    /// Handles one message; `true` when the client said `exit`.
    fn message(&mut self, msg: Message) -> Result<bool, String> {
        match msg {
            Message::Request(req) => {
                if self.shutting_down {
                    if req.method == "shutdown" {
                        self.respond(Response::new_ok(req.id, ()));
                    } else {
                        self.respond(Response::new_err(
                            req.id,
                            lsp_server::ErrorCode::InvalidRequest as i32,
                            "shutting down".into(),
                        ));
                    }
                    return Ok(false);
                }
                if req.method == "shutdown" {
                    self.shutting_down = true;
                    self.respond(Response::new_ok(req.id, ()));
                    return Ok(false);
                }
                self.request(req);
            }
            Message::Notification(n) => {
                if n.method == "exit" {
                    return Ok(true);
                }
                self.notification(n);
            }
            Message::Response(_) => {}
        }
        Ok(false)
    }

    fn respond(&self, r: Response) {
        let _ = self.conn.sender.send(Message::Response(r));
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        let _ = self
            .conn
            .sender
            .send(Message::Notification(Notification::new(
                method.to_string(),
                params,
            )));
    }

    fn log(&self, typ: MessageType, message: String) {
        self.notify("window/logMessage", LogMessageParams { typ, message });
    }

    fn request(&mut self, req: Request) {
        let id: RequestId = req.id.clone();
        let result = match req.method.as_str() {
            "textDocument/codeAction" => serde_json::from_value(req.params)
                .map_err(|e| e.to_string())
                .map(|p: lsp_types::CodeActionParams| {
                    serde_json::to_value(self.code_actions(&p)).unwrap_or_default()
                }),
            "textDocument/hover" => serde_json::from_value(req.params)
                .map_err(|e| e.to_string())
                .map(|p: lsp_types::HoverParams| {
                    serde_json::to_value(self.hover(&p)).unwrap_or_default()
                }),
            _ => {
                self.respond(Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("preflight does not handle {}", req.method),
                ));
                return;
            }
        };
        match result {
            Ok(v) => self.respond(Response::new_ok(id, v)),
            Err(e) => self.respond(Response::new_err(
                id,
                lsp_server::ErrorCode::InvalidParams as i32,
                e,
            )),
        }
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let d = p.text_document;
                    self.set_doc(d.uri, d.version, d.text);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    let Some(doc) = self.docs.get_mut(&uri) else {
                        return;
                    };
                    for c in p.content_changes {
                        text::apply_change(&mut doc.text, c.range, &c.text);
                    }
                    doc.version = p.text_document.version;
                    let text = doc.text.clone();
                    self.set_doc(uri, p.text_document.version, text);
                }
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    if let Some(t) = p.text {
                        let version = self.docs.get(&uri).map_or(0, |d| d.version);
                        self.set_doc(uri, version, t);
                    } else if let Some(path) = self.docs.get(&uri).map(|d| d.path.clone()) {
                        self.touch(&path, Duration::ZERO);
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    if let Some(doc) = self.docs.remove(&p.text_document.uri) {
                        // The file as saved is what counts now.
                        self.touch(&doc.path, Duration::ZERO);
                    }
                }
            }
            "workspace/didChangeConfiguration" => {
                if let Ok(p) = serde_json::from_value::<DidChangeConfigurationParams>(n.params) {
                    let before = self.settings.policy_dirs.clone();
                    if let Err(e) = self.settings.update(&p.settings, &self.root) {
                        self.log(MessageType::ERROR, e);
                    }
                    if self.settings.policy_dirs != before {
                        match load_registry(&self.settings) {
                            Ok((registry, problem)) => {
                                self.registry = registry;
                                if let Some(p) = problem {
                                    self.log(MessageType::ERROR, p);
                                }
                            }
                            Err(e) => self.log(MessageType::ERROR, e),
                        }
                    }
                    self.rescan_all();
                }
            }
            _ => {}
        }
    }

    /// Records a buffer's text and schedules its unit (and, for a variable or parameter file the
    /// settings name, every unit).
    fn set_doc(&mut self, uri: Url, version: i32, text: String) {
        let Ok(path) = uri.to_file_path() else {
            // An unsaved, unnamed buffer has no module to be scanned with.
            return;
        };
        let path = normalize(&path);
        self.docs.insert(
            uri,
            Doc {
                path: path.clone(),
                version,
                text,
            },
        );
        let quiet = Duration::from_millis(self.settings.debounce_ms);
        self.touch(&path, quiet);
    }

    /// Schedules the unit of `path` after `quiet`.
    fn touch(&mut self, path: &Path, quiet: Duration) {
        let named = self.settings.var_files.iter().any(|p| normalize(p) == path)
            || self
                .settings
                .cfn_param_files
                .iter()
                .any(|p| normalize(p) == path);
        if named {
            self.rescan_all();
            return;
        }
        let text = self
            .docs
            .values()
            .find(|d| d.path == path)
            .map(|d| d.text.clone())
            .unwrap_or_default();
        if let Some(unit) = unit_of(path, &text) {
            self.schedule(unit, quiet);
        } else if let Some(uri) = self
            .docs
            .iter()
            .find(|(_, d)| d.path == path)
            .map(|(u, _)| u)
        {
            // Not (or no longer) a file preflight reads: nothing to show.
            self.publish(uri.clone(), Vec::new());
        }
    }

    fn schedule(&mut self, unit: Unit, quiet: Duration) {
        *self.generation.entry(unit.clone()).or_default() += 1;
        self.due.insert(unit, Instant::now() + quiet);
    }

    /// Every unit with an open buffer or published diagnostics, at once.
    fn rescan_all(&mut self) {
        let mut units: BTreeSet<Unit> = self.published.keys().cloned().collect();
        units.extend(self.docs.values().filter_map(|d| unit_of(&d.path, &d.text)));
        for u in units {
            self.schedule(u, Duration::ZERO);
        }
    }

    /// Sends the units whose quiet time is over to the worker.
    fn start_due(&mut self) {
        let now = Instant::now();
        let ready: Vec<Unit> = self
            .due
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(u, _)| u.clone())
            .collect();
        for unit in ready {
            self.due.remove(&unit);
            let job = self.job(unit);
            if let Some(job) = job {
                let _ = self.jobs.send(job);
            }
        }
    }

    fn job(&mut self, unit: Unit) -> Option<Job> {
        let mut overlay = Overlay::new();
        for d in self.docs.values() {
            overlay.set(&d.path, Arc::from(d.text.as_str()));
        }
        let (paths, cwd) = match &unit {
            Unit::Module(dir) => {
                let mut files = discover::terraform_files_in(dir);
                for d in self.docs.values() {
                    let is_tf = d.path.parent() == Some(dir.as_path())
                        && discover::file_kind(&d.path, "") == Some(FileKind::Terraform);
                    if is_tf && !files.contains(&d.path) {
                        files.push(d.path.clone());
                    }
                }
                if files.is_empty() {
                    // Variable files without a module: nothing to evaluate them with.
                    self.finished(Done {
                        unit: unit.clone(),
                        generation: self.generation.get(&unit).copied().unwrap_or(0),
                        result: Ok((BTreeMap::new(), Vec::new())),
                        elapsed: Duration::ZERO,
                    });
                    return None;
                }
                (files, dir.clone())
            }
            Unit::File(path) => (
                vec![path.clone()],
                path.parent().map(Path::to_path_buf).unwrap_or_default(),
            ),
        };
        let s = &self.settings;
        let mut request = crate::Request::new(paths, cwd);
        request.var_files = s.var_files.clone();
        request.vars = s.vars.clone();
        request.cfn_param_files = s.cfn_param_files.clone();
        request.cfn_params = s.cfn_params.clone();
        request.show_unknown = s.show_undecided;
        request.selection = s.project.selection.clone();
        request.exclude = s.project.exclude.clone();
        request.env = std::env::vars()
            .filter(|(k, _)| k.starts_with("TF_VAR_"))
            .collect();
        Some(Job {
            generation: self.generation.get(&unit).copied().unwrap_or(0),
            unit,
            request,
            overlay,
            registry: self.registry.clone(),
            settings: self.settings.clone(),
        })
    }

    /// A scan's result: published unless a newer scan of its unit was asked for since.
    fn finished(&mut self, done: Done) {
        if self.generation.get(&done.unit).copied().unwrap_or(0) != done.generation {
            return;
        }
        let (reports, unplaced) = match done.result {
            Ok(r) => r,
            Err(panic) => {
                self.log(MessageType::ERROR, panic);
                return;
            }
        };
        for m in unplaced {
            self.log(MessageType::WARNING, m);
        }
        self.log(
            MessageType::LOG,
            format!(
                "scanned {:?} in {:.1} ms",
                done.unit,
                done.elapsed.as_secs_f64() * 1000.0
            ),
        );
        let before = self.published.remove(&done.unit).unwrap_or_default();
        for uri in before.keys().filter(|u| !reports.contains_key(*u)) {
            self.publish(uri.clone(), Vec::new());
        }
        // Open buffers of the unit with nothing to show get an empty list too (their first result).
        for (uri, doc) in &self.docs {
            if !reports.contains_key(uri)
                && !before.contains_key(uri)
                && unit_of(&doc.path, &doc.text).as_ref() == Some(&done.unit)
            {
                self.publish(uri.clone(), Vec::new());
            }
        }
        for (uri, r) in &reports {
            self.publish(uri.clone(), r.diagnostics.clone());
        }
        self.published.insert(done.unit, reports);
    }

    fn publish(&self, uri: Url, diagnostics: Vec<lsp_types::Diagnostic>) {
        let version = self.docs.get(&uri).map(|d| d.version);
        self.notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        );
    }

    /// The findings last published for a file, with the text they were found in.
    fn report_for(&self, uri: &Url) -> Option<&FileReport> {
        self.published.values().find_map(|m| m.get(uri))
    }
}
