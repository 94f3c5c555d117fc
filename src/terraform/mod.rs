//! Terraform: parse (`parse`), index a module (`module`), evaluate expressions (`eval`, `functions`,
//! `value`), compute the data sources known offline (`data`) and adapt resources into the model
//! (`adapt`).

pub mod adapt;
pub mod data;
pub mod eval;
pub mod functions;
pub mod holes;
pub mod inputs;
pub mod json_syntax;
pub mod module;
pub mod parse;
pub mod plan;
pub mod value;

use crate::finding::ScanError;
use crate::model::{Locations, Model};
use crate::source::{FileId, SourceMap};

/// The model of one module, where each entity came from, and what went wrong on the way.
pub struct Analysis {
    pub model: Model,
    pub locations: Locations,
    pub errors: Vec<ScanError>,
    /// What was left out without being wrong (remote modules that are not installed).
    pub notes: Vec<ScanError>,
    /// The raw input of custom policies that ask for it (`custom.input: raw`), built only then.
    pub raw: Option<crate::adapt::raw::RawInput>,
    /// Files outside the module that locations point into (a document read by `file()`), with the
    /// ids they have in `locations`: the third of `analyze_module`'s `readable` on, in order.
    pub read_files: Vec<(std::path::PathBuf, std::sync::Arc<str>)>,
}

impl Analysis {
    /// Takes every span that points into the native-syntax translation of a JSON-syntax file back to
    /// the file.
    pub fn remap<'p>(&mut self, parsed: impl IntoIterator<Item = &'p parse::ParsedFile>) {
        let remaps: std::collections::HashMap<FileId, &json_syntax::Remap> = parsed
            .into_iter()
            .filter_map(|p| p.remap.as_ref().map(|r| (p.file, r)))
            .collect();
        if remaps.is_empty() {
            return;
        }
        let f = |span: &mut crate::source::Span| {
            if let Some(r) = remaps.get(&span.file) {
                span.range = r.range(span.range.clone());
            }
        };
        self.locations.map_spans(f);
        if let Some(raw) = &mut self.raw {
            raw.locations.map_spans(f);
        }
        for e in self.errors.iter_mut().chain(&mut self.notes) {
            if let Some(span) = &mut e.span {
                f(span);
            }
        }
    }
}

/// Parses the module's files, evaluates them together and adapts the resources. A file that does not
/// parse is reported and left out; the rest of the module is still analyzed.
pub fn analyze(sources: &SourceMap, files: &[FileId]) -> Analysis {
    analyze_with(sources, files, inputs::Inputs::default())
}

/// Evaluates a root module of a workspace (its module calls resolved in the workspace) and adapts it
/// with its child modules.
pub fn analyze_module<'a>(
    module: &'a module::Module<'a>,
    workspace: &'a module::Workspace<'a>,
    installed: module::Installed,
    inputs: inputs::Inputs,
    readable: (Vec<std::path::PathBuf>, u64, u32),
    raw: bool,
) -> Analysis {
    let ev = eval::Evaluator::in_workspace(module, Some(workspace), inputs)
        .with_installed(installed)
        .with_file_access(readable.0, readable.1, readable.2);
    let (model, locations, raw) = adapt::adapt_with_raw(&ev, raw);
    Analysis {
        model,
        locations,
        raw,
        errors: ev.take_errors(),
        notes: ev.take_notes(),
        read_files: ev.take_read_files(),
    }
}

/// [`analyze`] with values for the module's variables.
pub fn analyze_with(sources: &SourceMap, files: &[FileId], inputs: inputs::Inputs) -> Analysis {
    let mut errors = Vec::new();
    let mut parsed = Vec::with_capacity(files.len());
    for &id in files {
        match parse::parse(id, sources.get(id)) {
            Ok(p) => parsed.push(p),
            Err(e) => errors.push(e),
        }
    }
    let module = module::Module::new(&parsed);
    let ev = eval::Evaluator::with_inputs(&module, inputs);
    let (model, locations) = adapt::adapt(&ev);
    errors.extend(ev.take_errors());
    let mut analysis = Analysis {
        model,
        locations,
        raw: None,
        errors,
        notes: ev.take_notes(),
        read_files: Vec::new(),
    };
    analysis.remap(&parsed);
    analysis
}
