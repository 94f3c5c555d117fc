//! The built-in policies run on a program compiled at build time for regorus's virtual machine
//! (src/policy/program.rs). The interpreter is the reference: on every fixture, example and test input
//! of the repository, both must report the same findings, the same failures and the same errors.

use preflight::policy::Registry;
use preflight::scan::{scan, Outcome, Request};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What a scan reported, in a form two scans can be compared by.
fn report(outcome: &Outcome, registry: &Registry) -> Vec<String> {
    let mut lines: Vec<String> = outcome
        .findings
        .iter()
        .map(|f| {
            let file = outcome.sources.get(f.span.file).display.clone();
            format!(
                "{} {}:{:?} {} {} {}",
                registry.policies[f.rule].id, file, f.span.range, f.resource, f.path, f.message
            )
        })
        .collect();
    lines.extend(outcome.errors.iter().map(|e| format!("error: {e:?}")));
    lines
}

fn both(dir: &Path) -> (Vec<String>, Vec<String>) {
    let request = Request::new(vec![dir.to_path_buf()], root());
    let compiled = Registry::builtin().expect("built-in policies");
    let mut interpreted = Registry::builtin().expect("built-in policies");
    interpreted.interpret_all();
    (
        report(&scan(&request, &compiled), &compiled),
        report(&scan(&request, &interpreted), &interpreted),
    )
}

#[test]
fn the_compiled_policies_report_what_the_interpreter_reports() {
    let mut compared = 0;
    for dir in ["policies", "examples", "testdata"] {
        let (vm, interpreter) = both(&root().join(dir));
        assert!(
            vm == interpreter,
            "{dir}: the compiled policies and the interpreter disagree\n  only compiled: {:#?}\n  only interpreted: {:#?}",
            vm.iter().filter(|l| !interpreter.contains(l)).collect::<Vec<_>>(),
            interpreter.iter().filter(|l| !vm.contains(l)).collect::<Vec<_>>(),
        );
        compared += vm.len();
    }
    // The comparison is not vacuous: the fixtures hold hundreds of findings.
    assert!(compared > 500, "only {compared} findings compared");
}
