//! The module graph: which directories each Terraform directory calls, the remote modules `terraform
//! init` installed, and which units are evaluated as root modules.

use super::files::{read_source, Files, Read};
use super::Request;
use crate::discover;
use crate::finding::ScanError;
use crate::source::{FileId, SourceMap};
use crate::terraform;
use crate::terraform::module::normalize;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The Terraform directories of a scan and the calls between them.
pub(super) struct Graph {
    /// Every module directory loaded (the scanned ones and those they call) → its files.
    pub dirs: BTreeMap<PathBuf, Vec<FileId>>,
    /// Directory → the directories it calls (local sources and installed remote modules).
    pub calls: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    /// Remote modules that `terraform init` installed, per root directory: module key → directory.
    pub installed: BTreeMap<PathBuf, terraform::module::Installed>,
}

/// Builds the module graph of the Terraform units. Only a file that mentions `module` can hold a call,
/// so the others are not parsed here. Modules outside the scanned directories are read (through
/// `files`, added to `read`) when something scanned calls them.
pub(super) fn build(
    modules: &[discover::Unit],
    read: &mut Read,
    req: &Request,
    files: &dyn Files,
    errors: &mut Vec<ScanError>,
) -> Graph {
    let mut dirs: BTreeMap<PathBuf, Vec<FileId>> = BTreeMap::new();
    for unit in modules {
        dirs.insert(normalize(&unit.dir), read.ids(&unit.files));
    }
    let mut calls: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
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
            .map(|dir| (dir.clone(), module_sources(&read.sources, &dirs[dir], dir)))
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
        for dir in &pending {
            let mut here = Vec::new();
            for path in discover::terraform_files_in(dir) {
                match read_source(&path, req, files) {
                    Ok(file) => here.push(read.sources.add(file)),
                    Err(e) => errors.push(e),
                }
            }
            dirs.insert(dir.clone(), here);
        }
    }
    Graph {
        dirs,
        calls,
        installed,
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
pub(super) fn reachable(
    root: &Path,
    calls: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
) -> BTreeSet<PathBuf> {
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
pub(super) fn root_units<'u>(
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
