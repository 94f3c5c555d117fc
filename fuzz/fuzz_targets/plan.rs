//! Bytes → strict JSON → `terraform show -json` plan reader → adapters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use preflight::source::FileId;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = preflight::json::parse(text) else {
        return;
    };
    if let Ok(plan) = preflight::terraform::plan::Plan::from_json(&doc) {
        std::hint::black_box(preflight::terraform::adapt::adapt_plan(FileId(0), &plan));
    }
});
