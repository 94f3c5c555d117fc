//! Bytes → one `main.tf.json` → the whole Terraform pipeline in JSON syntax (strict JSON parse,
//! translation to native syntax, hcl-edit parse, evaluator, adapters), then every span the analysis
//! holds is checked to lie on character boundaries of the JSON text it was mapped back to.
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
        PathBuf::from("main.tf.json"),
        "main.tf.json".to_string(),
        Arc::from(text),
    ));
    let analysis = preflight::terraform::analyze(&sources, &[id]);
    let inside = |r: &std::ops::Range<usize>| {
        r.start <= r.end && text.get(r.clone()).is_some()
    };
    for e in analysis.locations.entities.values() {
        assert!(inside(&e.header.range), "header {:?}", e.header.range);
        for span in e.attrs.values() {
            assert!(inside(&span.range), "attribute {:?}", span.range);
        }
    }
    for e in &analysis.errors {
        if let Some(span) = &e.span {
            assert!(inside(&span.range), "error {:?}", span.range);
        }
    }
});
