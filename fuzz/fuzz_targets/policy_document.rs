//! Bytes → JSON → IAM-style policy document reader.
#![no_main]

use libfuzzer_sys::fuzz_target;
use preflight::model::document::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    std::hint::black_box(Document::from_json_with_unknowns(&json));
});
