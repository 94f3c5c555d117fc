//! Embeds the built-in policies (every `.rego` under `policies/` except tests) into the binary.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The same functions the crate uses on custom policies' text (src/policy/text.rs).
#[path = "src/policy/text.rs"]
#[allow(dead_code)]
mod text;

#[path = "build/program.rs"]
mod program;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "fixtures") {
                collect(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rego")
            && !path.to_string_lossy().ends_with("_test.rego")
        {
            out.push(path);
        }
    }
}

/// The `_test.rego` files under `dir` (fixtures excluded).
fn collect_tests(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "fixtures") {
                collect_tests(&path, out);
            }
        } else if path.to_string_lossy().ends_with("_test.rego") {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    link_without_pie();
    let policies = root.join("policies");
    println!("cargo:rerun-if-changed=policies");
    println!("cargo:rerun-if-changed=src/policy/text.rs");
    let mut files = Vec::new();
    collect(&policies, &mut files);
    files.sort();
    // Each built-in policy with what its text says about itself, read here once rather than at every
    // start-up (see `Builtin` in src/policy/mod.rs).
    let mut code = String::from("pub static EMBEDDED: &[Builtin] = &[\n");
    for f in &files {
        let rel = f.strip_prefix(&root).expect("under the root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let body = std::fs::read_to_string(f).expect("read policy");
        let ids = match text::metadata_ids(&body) {
            Some((id, name)) => format!("Some(({id:?}, {name:?}))"),
            None => "None".to_string(),
        };
        writeln!(
            code,
            "    Builtin {{ path: {rel:?}, text: include_str!({:?}), package: {:?}, deny: {}, \
             metadata: {}, ids: {ids}, block: {:?}, inputs: &{:?}, imports: &{:?} }},",
            f.display().to_string(),
            text::declared_package(&body).unwrap_or_default(),
            text::declares_deny(&body),
            text::has_metadata(&body),
            text::metadata_block(&body),
            text::input_collections(&body),
            text::imported_packages(&body),
        )
        .expect("write");
    }
    code.push_str("];\n");
    // The built-in policies' `_test.rego` files, for `preflight test` without a path.
    let mut tests = Vec::new();
    collect_tests(&policies, &mut tests);
    tests.sort();
    code.push_str("pub static EMBEDDED_TESTS: &[(&str, &str)] = &[\n");
    for f in &tests {
        let rel = f.strip_prefix(&root).expect("under the root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .expect("write");
    }
    code.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out_dir.join("policies.rs"), code).expect("write generated file");
    // The built-in policies compiled for regorus's virtual machine (src/policy/program.rs): a scan
    // loads this instead of parsing and compiling Rego at every start.
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let rel = f.strip_prefix(&root).expect("under the root");
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(f).expect("read policy"))
        })
        .collect();
    let program = program::compile(&sources);
    for warning in &program.warnings {
        println!("cargo:warning={warning}");
    }
    std::fs::write(out_dir.join("policies.rvm"), program.bytes).expect("write compiled policies");
}

/// On Linux with glibc the binary is linked at a fixed address (not position-independent): the dynamic
/// loader then has no relative relocations to apply at every start (about 50,000, measured in
/// bench/README.md), which is a large share of a pre-commit run. Other targets keep their default.
fn link_without_pie() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
