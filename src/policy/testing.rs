//! `preflight test`: runs the `test_` rules of policy directories, as `opa test` does.
//!
//! Without a path, the built-in policies and their tests (embedded in the binary); with paths, every
//! `.rego` file under them (policies, libraries and `_test.rego` files), with the built-in libraries
//! (`data.preflight.lib…`) that they do not define themselves.

use super::{embedded, PolicyError};
use regorus::{Engine, Value};
use std::path::PathBuf;

/// One `test_` rule and how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestResult {
    /// The `_test.rego` file and the 1-based line where the rule starts.
    pub file: String,
    pub line: usize,
    /// `data.<package>.test_<name>`.
    pub rule: String,
    /// `None` when the test passed, else why it failed.
    pub failure: Option<String>,
}

/// A `test_` rule found in a file's text.
struct Found {
    file: String,
    line: usize,
    package: String,
    name: String,
}

/// The `test_` rules a file defines (rules start a line; incremental definitions count once).
fn test_rules(file: &str, package: &str, text: &str, out: &mut Vec<Found>) {
    for (i, line) in text.lines().enumerate() {
        let Some(rest) = line.strip_prefix("test_") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let name = format!("test_{name}");
        if !out.iter().any(|f| f.package == package && f.name == name) {
            out.push(Found {
                file: file.to_string(),
                line: i + 1,
                package: package.to_string(),
                name,
            });
        }
    }
}

/// The `.rego` files under `paths`, sorted per path.
fn user_files(paths: &[PathBuf]) -> Result<Vec<(String, String)>, PolicyError> {
    let mut files = Vec::new();
    for dir in paths {
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(dir).hidden(false).build() {
            let entry =
                entry.map_err(|e| PolicyError::new(dir.display().to_string(), e.to_string()))?;
            if entry.path().extension().is_some_and(|e| e == "rego") {
                found.push(entry.path().to_path_buf());
            }
        }
        found.sort();
        for p in found {
            let text = std::fs::read_to_string(&p)
                .map_err(|e| PolicyError::new(p.display().to_string(), e.to_string()))?;
            files.push((p.display().to_string(), text));
        }
    }
    Ok(files)
}

/// Runs the tests of `paths` (the built-in policies' when empty), each evaluation limited to `timeout`.
/// A file that does not load is a located error; a directory without tests is an error too.
pub fn run(
    paths: &[PathBuf],
    timeout: std::time::Duration,
) -> Result<Vec<TestResult>, PolicyError> {
    let files: Vec<(String, String)> = if paths.is_empty() {
        embedded::EMBEDDED
            .iter()
            .map(|b| (b.path.to_string(), b.text.to_string()))
            .chain(
                embedded::EMBEDDED_TESTS
                    .iter()
                    .map(|(p, t)| (p.to_string(), t.to_string())),
            )
            .collect()
    } else {
        let files = user_files(paths)?;
        // The policies must load as `check --policy` loads them: located METADATA errors, duplicate ids.
        super::Registry::load(
            files
                .iter()
                .filter(|(p, _)| !p.ends_with("_test.rego"))
                .cloned(),
        )?;
        files
    };
    let mut engine = Engine::new();
    let mut packages = Vec::new();
    let mut found = Vec::new();
    for (path, text) in &files {
        let package = engine
            .add_policy(path.clone(), text.clone())
            .map_err(|e| PolicyError::from_regorus(path, text, &e))?;
        if path.ends_with("_test.rego") {
            test_rules(path, &package, text, &mut found);
        }
        packages.push(package);
    }
    // The built-in libraries that the files do not define themselves (`policies/` tested from source
    // brings its own).
    if !paths.is_empty() {
        for lib in embedded::libraries() {
            let package = format!("data.{}", lib.package);
            if !packages.contains(&package) {
                engine
                    .add_policy(lib.path.to_string(), lib.text.to_string())
                    .map_err(|e| PolicyError::new(lib.path, e.to_string()))?;
            }
        }
    }
    // A call to a function that does not exist is the file's error, as when policies load for a scan.
    let unknown = super::calls::bad_calls(&mut engine, &|_| true, &mut |_, _| false);
    let text_of = |path: &str| {
        files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, t)| t.clone())
    };
    if let Some(e) = super::calls::first_error(&unknown, &text_of) {
        return Err(e);
    }
    if found.is_empty() {
        let what = if paths.is_empty() {
            "the built-in policies".to_string()
        } else {
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(PolicyError::new(
            what,
            "no `test_` rule in a `_test.rego` file here",
        ));
    }
    engine.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
        limit: timeout,
        check_interval: std::num::NonZeroU32::MIN.saturating_add(255),
    });
    // Compile once: an error here (an unknown function, a type error) is the file's, located.
    if let Err(e) = engine.eval_query("true".to_string(), false) {
        let text = e.to_string();
        return Err(
            match files
                .iter()
                .find(|(p, _)| text.contains(&format!("--> {p}:")))
            {
                Some((p, t)) => PolicyError::from_regorus(p, t, &text),
                None => PolicyError::new("policies", text),
            },
        );
    }
    let mut results = Vec::new();
    for f in found {
        let rule = format!("{}.{}", f.package, f.name);
        let failure = match engine.eval_rule(rule.clone()) {
            Ok(Value::Bool(true)) => None,
            Ok(Value::Undefined) => Some("undefined: a condition of the test did not hold".into()),
            Ok(v) => Some(format!("returned {v}, not true")),
            Err(e) => Some(error_line(&e.to_string())),
        };
        results.push(TestResult {
            file: f.file,
            line: f.line,
            rule,
            failure,
        });
    }
    Ok(results)
}

/// A regorus evaluation error in one line: where, then what.
fn error_line(text: &str) -> String {
    let at = text
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .map(|a| format!("{a}: "))
        .unwrap_or_default();
    let what = text
        .lines()
        .rev()
        .find_map(|l| l.trim_start().strip_prefix("error: "))
        .unwrap_or(text.trim());
    format!("error: {at}{what}")
}

/// The report: one line per test, then a summary line.
pub fn render(results: &[TestResult]) -> String {
    let mut out = String::new();
    for r in results {
        match &r.failure {
            None => out.push_str(&format!("PASS {}:{} {}\n", r.file, r.line, r.rule)),
            Some(why) => out.push_str(&format!("FAIL {}:{} {}: {why}\n", r.file, r.line, r.rule)),
        }
    }
    let failed = results.iter().filter(|r| r.failure.is_some()).count();
    out.push_str(&format!(
        "{} test{}: {} passed, {failed} failed\n",
        results.len(),
        if results.len() == 1 { "" } else { "s" },
        results.len() - failed,
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_rules_are_found_once_with_their_line() {
        let mut out = Vec::new();
        test_rules(
            "a_test.rego",
            "data.a",
            "package a\n\ntest_one if true\n\ntest_two if {\n  true\n}\ntest_one if false\n  test_not_a_rule\n",
            &mut out,
        );
        let got: Vec<(usize, &str)> = out.iter().map(|f| (f.line, f.name.as_str())).collect();
        assert_eq!(got, vec![(3, "test_one"), (5, "test_two")]);
    }

    #[test]
    fn regorus_errors_become_one_line() {
        let e = "\n--> a.rego:3:5\n  |\n3 | x := y\n  |     ^\nerror: var y is unsafe";
        assert_eq!(error_line(e), "error: a.rego:3:5: var y is unsafe");
    }
}
