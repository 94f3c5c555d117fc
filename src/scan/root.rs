//! One root module: parse it and every module it reaches, evaluate, adapt into the model, judge.

use super::graph::reachable;
use super::judge::judge;
use super::{RootResult, Shared};
use crate::policy;
use crate::terraform;
use crate::terraform::inputs::Inputs;
use std::path::Path;

/// Parses the root module and the modules it reaches, evaluates them and runs the policies. The
/// syntax trees live only while this root is evaluated.
pub(super) fn scan_root(
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
    let readable = (
        cx.roots.to_vec(),
        cx.max_file_bytes,
        cx.sources.len() as u32,
    );
    let modules_installed = installed.clone();
    let mut analysis = terraform::analyze_module(
        module,
        &workspace,
        installed,
        inputs,
        readable,
        cx.registry.wants_raw() || cx.keep_inputs,
    );
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
    out.read_files = std::mem::take(&mut analysis.read_files);
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
