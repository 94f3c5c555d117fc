//! Bytes → CloudFormation template (YAML, or JSON when it starts with `{`) → intrinsics → adapters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use preflight::source::FileId;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = if text.trim_start().starts_with('{') {
        preflight::json::parse(text)
    } else {
        preflight::yaml::parse(text)
    };
    let Ok(root) = parsed else {
        return;
    };
    let Some(tpl) = preflight::cloudformation::Template::from_node(&root, Default::default()) else {
        return;
    };
    std::hint::black_box(preflight::cloudformation::adapt::adapt(FileId(0), &tpl));
    std::hint::black_box(tpl.undecided_conditions());
});
