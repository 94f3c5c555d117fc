//! Baselines: adopting preflight on code that already has findings.
//!
//! `--write-baseline FILE` records the findings of a scan by fingerprint (see [`crate::fingerprint`]:
//! rule, resource, attribute path and the value's origin, not line numbers); `--baseline FILE` then
//! leaves out the findings the file records, so only new ones are reported, and counts the entries
//! that matched nothing (fixed, or changed beyond recognition). Paths in the file, and in the
//! fingerprints, are relative to the file's directory, so the same baseline serves a scan started
//! from any directory. Entries are matched one to one: two identical findings need two entries.

use crate::finding::Finding;
use crate::fingerprint;
use crate::policy::Registry;
use crate::source::SourceMap;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file's version; a file of another version is refused.
pub const VERSION: u32 = 1;

#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// One recorded finding. Only `fingerprint` is matched; the rest is there for the reader of a diff.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub file: String,
    pub rule_id: String,
    pub resource: String,
    pub path: String,
    pub fingerprint: String,
    pub message: String,
}

/// A loaded baseline.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// Where relative paths start: the file's directory.
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
}

/// What applying a baseline did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applied {
    /// Findings left out because the baseline records them.
    pub baselined: usize,
    /// Baseline entries that matched no finding.
    pub stale: usize,
}

fn dir_of(file: &Path, cwd: &Path) -> PathBuf {
    let full = crate::terraform::module::normalize(&cwd.join(file));
    full.parent().map(Path::to_path_buf).unwrap_or(full)
}

/// The entries for `findings`, with paths relative to `dir`, sorted.
pub fn entries(
    findings: &[Finding],
    sources: &SourceMap,
    registry: &Registry,
    dir: &Path,
    cwd: &Path,
) -> Vec<Entry> {
    let rel = |p: &Path| fingerprint::relative(p, dir, cwd);
    let mut out: Vec<Entry> = findings
        .iter()
        .map(|f| {
            let id = &registry.policies[f.rule].id;
            Entry {
                file: rel(&sources.get(f.span.file).path),
                rule_id: id.clone(),
                resource: f.resource.clone(),
                path: f.path.clone(),
                fingerprint: fingerprint::of(f, id, sources, &rel),
                message: f.message.clone(),
            }
        })
        .collect();
    out.sort();
    out
}

/// Writes the baseline of `findings` to `file` (JSON, sorted, no line numbers); returns how many
/// entries it holds.
pub fn write(
    file: &Path,
    findings: &[Finding],
    sources: &SourceMap,
    registry: &Registry,
    cwd: &Path,
) -> Result<usize, String> {
    let dir = dir_of(file, cwd);
    let findings = entries(findings, sources, registry, &dir, cwd);
    let n = findings.len();
    let mut text = serde_json::to_string_pretty(&File {
        version: VERSION,
        findings,
    })
    .map_err(|e| e.to_string())?;
    text.push('\n');
    std::fs::write(cwd.join(file), text)
        .map_err(|e| format!("cannot write baseline {}: {e}", file.display()))?;
    Ok(n)
}

impl Baseline {
    /// Reads a baseline written by [`write`].
    pub fn load(file: &Path, cwd: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(cwd.join(file))
            .map_err(|e| format!("cannot read baseline {}: {e}", file.display()))?;
        let parsed: File = serde_json::from_str(&text).map_err(|e| {
            format!(
                "baseline {} is not a preflight baseline: {e} (write one with --write-baseline)",
                file.display()
            )
        })?;
        if parsed.version != VERSION {
            return Err(format!(
                "baseline {} has version {}; this preflight reads version {VERSION} (write it again with --write-baseline)",
                file.display(),
                parsed.version
            ));
        }
        Ok(Baseline {
            dir: dir_of(file, cwd),
            entries: parsed.findings,
        })
    }

    /// Removes the findings the baseline records (each entry matches one finding).
    pub fn apply(
        &self,
        findings: &mut Vec<Finding>,
        sources: &SourceMap,
        registry: &Registry,
        cwd: &Path,
    ) -> Applied {
        let mut left: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &self.entries {
            *left.entry(e.fingerprint.as_str()).or_default() += 1;
        }
        let rel = |p: &Path| fingerprint::relative(p, &self.dir, cwd);
        let before = findings.len();
        findings.retain(|f| {
            let fp = fingerprint::of(f, &registry.policies[f.rule].id, sources, &rel);
            match left.get_mut(fp.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        Applied {
            baselined: before - findings.len(),
            stale: left.values().sum(),
        }
    }
}
