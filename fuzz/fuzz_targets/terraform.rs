//! Bytes → one `main.tf` → the whole Terraform pipeline (hcl-edit parse, module index, evaluator,
//! adapters). Everything except the Rego policies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use preflight::source::{SourceFile, SourceMap};
use std::path::PathBuf;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources = SourceMap::default();
    let id = sources.add(SourceFile::new(
        PathBuf::from("main.tf"),
        "main.tf".to_string(),
        Arc::from(text),
    ));
    let analysis = preflight::terraform::analyze(&sources, &[id]);
    std::hint::black_box(&analysis.model);
});
