//! Where the scan reads files from: the disk, or the disk with an editor's unsaved buffers laid over it.
//!
//! Every file the scan reads as infrastructure code (module files, variable files, templates, plans,
//! parameter files, modules outside the scanned paths) goes through [`Files`]; `file()` and
//! `templatefile()` inside expressions read the disk.

use super::Request;
use crate::discover::{self, Kind, Unit};
use crate::finding::ScanError;
use crate::source::{display_path, FileId, SourceFile, SourceMap};
use crate::terraform::module::normalize;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A place files are read from.
pub trait Files: Sync {
    /// The text of `path`, or why it cannot be read. Larger than `max_bytes` is an error.
    fn read(&self, path: &Path, max_bytes: u64) -> Result<String, String>;

    /// Adds files that exist only here (not yet saved) to the units `discover` found on disk for
    /// `requested` (the request's paths), and drops `discover`'s errors about them.
    fn complete(
        &self,
        _requested: &[PathBuf],
        _units: &mut Vec<Unit>,
        _errors: &mut Vec<ScanError>,
    ) {
    }

    /// Whether a finding may point into a file an expression read (`file("policy.json")`), which
    /// is read from the disk, not through here. `false` moves such findings to the attribute that
    /// reads the file.
    fn locates_in_read_files(&self) -> bool {
        true
    }
}

/// The file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct Disk;

impl Files for Disk {
    fn read(&self, path: &Path, max_bytes: u64) -> Result<String, String> {
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot read file: {e}"))?;
        if meta.len() > max_bytes {
            return Err(format!(
                "file is {} bytes, larger than the {max_bytes} byte limit",
                meta.len()
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read file: {e}"))?;
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "file is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        })
    }
}

/// The disk, with some files' text replaced (an editor's open buffers). Paths are normalized
/// (`normalize`) absolute paths.
#[derive(Debug, Default, Clone)]
pub struct Overlay {
    buffers: BTreeMap<PathBuf, Arc<str>>,
}

impl Overlay {
    pub fn new() -> Overlay {
        Overlay::default()
    }

    /// Sets the text read for `path` instead of the file's.
    pub fn set(&mut self, path: &Path, text: Arc<str>) {
        self.buffers.insert(normalize(path), text);
    }

    /// Reads `path` from disk again.
    pub fn remove(&mut self, path: &Path) {
        self.buffers.remove(&normalize(path));
    }

    pub fn get(&self, path: &Path) -> Option<&Arc<str>> {
        self.buffers.get(&normalize(path))
    }

    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.buffers.keys().map(PathBuf::as_path)
    }
}

impl Files for Overlay {
    /// An editor's open buffer of a file `file()` read from the disk may hold other text, and the
    /// quick fix that suppresses a finding cannot put a comment into JSON: the finding stays at
    /// the attribute that reads the file.
    fn locates_in_read_files(&self) -> bool {
        false
    }

    fn read(&self, path: &Path, max_bytes: u64) -> Result<String, String> {
        match self.buffers.get(&normalize(path)) {
            Some(text) if text.len() as u64 > max_bytes => Err(format!(
                "file is {} bytes, larger than the {max_bytes} byte limit",
                text.len()
            )),
            Some(text) => Ok(text.to_string()),
            None => Disk.read(path, max_bytes),
        }
    }

    fn complete(&self, requested: &[PathBuf], units: &mut Vec<Unit>, errors: &mut Vec<ScanError>) {
        errors.retain(|e| {
            e.file.is_some()
                || e.path
                    .as_ref()
                    .is_none_or(|p| !self.buffers.contains_key(Path::new(p)))
        });
        let requested: BTreeSet<PathBuf> = requested.iter().map(|p| normalize(p)).collect();
        let dir_of = |p: &Path| {
            p.parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        for (path, text) in &self.buffers {
            if units.iter().any(|u| u.files.contains(path)) {
                continue;
            }
            let dir = dir_of(path);
            let module = units
                .iter_mut()
                .find(|u| u.kind == Kind::Terraform && normalize(&u.dir) == dir);
            match (discover::file_kind(path, text), module) {
                (Some(discover::FileKind::Terraform), Some(unit)) => {
                    unit.files.push(path.clone());
                    unit.files.sort();
                    unit.report.insert(path.clone());
                }
                (Some(discover::FileKind::Terraform), None) if requested.contains(path) => {
                    units.push(Unit {
                        kind: Kind::Terraform,
                        dir,
                        files: vec![path.clone()],
                        report: BTreeSet::from([path.clone()]),
                        var_files: Vec::new(),
                    });
                }
                (Some(discover::FileKind::VarFile), Some(unit))
                    if !unit.var_files.contains(path) =>
                {
                    unit.var_files.push(path.clone());
                    discover::sort_var_files(&mut unit.var_files);
                }
                (Some(kind @ (discover::FileKind::Template | discover::FileKind::Plan)), _)
                    if requested.contains(path) =>
                {
                    units.push(Unit {
                        kind: if kind == discover::FileKind::Plan {
                            Kind::Plan
                        } else {
                            Kind::Template
                        },
                        dir,
                        files: vec![path.clone()],
                        report: BTreeSet::from([path.clone()]),
                        var_files: Vec::new(),
                    });
                }
                _ => {}
            }
        }
    }
}

/// Reads `path` through `files` as a source file named relative to the request's directory.
pub(super) fn read_source(
    path: &Path,
    req: &Request,
    files: &dyn Files,
) -> Result<SourceFile, ScanError> {
    let display = display_path(path, &req.cwd);
    let text = files
        .read(path, req.max_file_bytes)
        .map_err(|m| ScanError::unreadable(display.clone(), m))?;
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

/// Every file of the scan, read once.
pub(super) struct Read {
    pub sources: SourceMap,
    pub ids: HashMap<PathBuf, FileId>,
}

impl Read {
    pub fn id(&self, path: &Path) -> Option<FileId> {
        self.ids.get(path).copied()
    }

    pub fn ids<'p>(&self, paths: impl IntoIterator<Item = &'p PathBuf>) -> Vec<FileId> {
        paths.into_iter().filter_map(|p| self.id(p)).collect()
    }
}

/// Reads the units' files and the request's variable and parameter files once, in parallel, and
/// numbers them in a stable (sorted) order. A file that cannot be read is an error when it would be
/// reported on.
pub(super) fn read_all(
    units: &[Unit],
    req: &Request,
    files: &dyn Files,
    errors: &mut Vec<ScanError>,
) -> Read {
    let mut paths: Vec<&PathBuf> = units
        .iter()
        .flat_map(|u| u.files.iter().chain(&u.var_files))
        .chain(&req.var_files)
        .chain(&req.cfn_param_files)
        .collect();
    paths.sort();
    paths.dedup();
    let read: Vec<Result<SourceFile, ScanError>> = paths
        .par_iter()
        .map(|p| read_source(p, req, files))
        .collect();
    let mut sources = SourceMap::default();
    let mut ids: HashMap<PathBuf, FileId> = HashMap::new();
    for (path, result) in paths.iter().zip(read) {
        match result {
            Ok(file) => {
                ids.insert(path.to_path_buf(), sources.add(file));
            }
            Err(e) => {
                let given = req.var_files.contains(path) || req.cfn_param_files.contains(path);
                if given || units.iter().any(|u| u.report.contains(*path)) {
                    errors.push(e);
                }
            }
        }
    }
    Read { sources, ids }
}
