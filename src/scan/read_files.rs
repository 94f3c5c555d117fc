//! Files that findings point into without being scanned themselves: a policy document that a module
//! reads with `file("policy.json")`. Each root module numbers the files it read from the scan's file
//! count on; here they join the source map once each, in path order (the same ids for any thread
//! count), and every span of a root's results that points into one is moved to its id.

use super::RootResult;
use crate::source::{display_path, FileId, SourceFile, SourceMap, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Adds the files the results point into to `sources` and moves the results' spans to their ids.
pub(super) fn add_read_files(
    mut sources: SourceMap,
    mut results: Vec<RootResult>,
    cwd: &Path,
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
            let inside = moved(&mut f.span);
            for t in &mut f.trace {
                if let Some(s) = &mut t.span {
                    moved(s);
                }
            }
            // A directive at the attribute that reads the file (the trace's label) covers the
            // finding, as it did when the finding pointed at the attribute.
            if inside {
                let read: Vec<FileId> = local.iter().flatten().copied().collect();
                if let Some(at) = f
                    .trace
                    .iter()
                    .filter_map(|t| t.span.as_ref())
                    .find(|s| !read.contains(&s.file))
                {
                    f.calls.push(at.clone());
                }
            }
        }
        for u in &mut r.undecided {
            moved(&mut u.span);
        }
    }
    (sources, results)
}
