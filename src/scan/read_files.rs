//! Files that findings point into without being scanned themselves: a policy document that a module
//! reads with `file("policy.json")`. Each root module numbers the files it read from the scan's file
//! count on; here they join the source map once each, in path order (the same ids for any thread
//! count), and every span of a root's results that points into one is moved to its id. When the
//! reader of the scan cannot use such locations (an editor), findings there move to the attribute
//! that reads the file instead.

use super::RootResult;
use crate::source::{display_path, FileId, SourceFile, SourceMap, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Adds the files the results point into to `sources` and moves the results' spans to their ids;
/// unless `inside`, a finding in such a file is moved to the attribute that reads it.
pub(super) fn add_read_files(
    mut sources: SourceMap,
    mut results: Vec<RootResult>,
    cwd: &Path,
    inside: bool,
) -> (SourceMap, Vec<RootResult>) {
    let first = sources.len();
    let mut texts: BTreeMap<PathBuf, Arc<str>> = BTreeMap::new();
    for r in &results {
        for (path, text) in &r.read_files {
            texts
                .entry(path.clone())
                .or_insert_with(|| Arc::clone(text));
        }
    }
    if texts.is_empty() {
        return (sources, results);
    }
    let ids: BTreeMap<PathBuf, FileId> = texts
        .into_iter()
        .map(|(path, text)| {
            let display = display_path(&path, cwd);
            let id = sources.add(SourceFile::new(path.clone(), display, text));
            (path, id)
        })
        .collect();
    for r in &mut results {
        // The root's own numbering: `first + k` is its k-th file.
        let local: Vec<Option<FileId>> = r
            .read_files
            .iter()
            .map(|(p, _)| ids.get(p).copied())
            .collect();
        let moved = |span: &mut Span| -> bool {
            let Some(k) = (span.file.0 as usize).checked_sub(first) else {
                return false;
            };
            match local.get(k).copied().flatten() {
                Some(id) => {
                    span.file = id;
                    true
                }
                None => false,
            }
        };
        for f in &mut r.findings {
            let moved_in = moved(&mut f.span);
            for t in &mut f.trace {
                if let Some(s) = &mut t.span {
                    moved(s);
                }
            }
            // A directive at the attribute that reads the file (the trace's label) covers the
            // finding, as it did when the finding pointed at the attribute.
            if moved_in {
                let read: Vec<FileId> = local.iter().flatten().copied().collect();
                let used = f
                    .trace
                    .iter()
                    .position(|t| t.span.as_ref().is_some_and(|s| !read.contains(&s.file)));
                match used {
                    Some(k) if !inside => {
                        if let Some(at) = f.trace.remove(k).span {
                            f.span = at;
                        }
                    }
                    Some(k) => f.calls.extend(f.trace[k].span.clone()),
                    None => {}
                }
            }
        }
        for u in &mut r.undecided {
            moved(&mut u.span);
        }
    }
    (sources, results)
}
