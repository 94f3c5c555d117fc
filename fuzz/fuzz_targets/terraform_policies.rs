//! Like `terraform`, then evaluates the built-in Rego policies on the model (what `preflight check`
//! does for one module, minus locating and reporting).
#![no_main]

use libfuzzer_sys::fuzz_target;
use preflight::policy::Registry;
use preflight::source::{SourceFile, SourceMap};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

static REGISTRY: OnceLock<Registry> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let registry = REGISTRY.get_or_init(|| Registry::builtin().expect("built-in policies compile"));
    let mut sources = SourceMap::default();
    let id = sources.add(SourceFile::new(
        PathBuf::from("main.tf"),
        "main.tf".to_string(),
        Arc::from(text),
    ));
    let analysis = preflight::terraform::analyze(&sources, &[id]);
    // A fresh engine per input (a cheap clone of the compiled one) so no state leaks between runs.
    let mut engine = registry.engine();
    // Policies that fail to evaluate come back as messages; the CLI reports them as errors.
    let (raw, _failures) = registry.evaluate(&mut engine, &analysis.model);
    // Locating is what the CLI does next; it must not panic on anything a policy returns.
    for r in &raw {
        std::hint::black_box(analysis.locations.locate(&r.id, &r.path));
    }
});
