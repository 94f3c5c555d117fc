//! Compiles the built-in policies into one program for regorus's virtual machine (RVM), at build time.
//!
//! Every policy's `deny` rule is an entry point. A policy the RVM compiler cannot compile is left out
//! of the program (with a build warning) and is evaluated by the interpreter at scan time instead.

use regorus::languages::rego::compiler::Compiler;
use regorus::{Engine, Rc};

use crate::text;

pub struct Compiled {
    /// The serialized program; empty when nothing could be compiled.
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

/// `sources` are every built-in `.rego` file but the tests: (path under the crate root, text).
pub fn compile(sources: &[(String, String)]) -> Compiled {
    let mut warnings = Vec::new();
    let mut engine = Engine::new();
    for (path, text) in sources {
        if let Err(e) = engine.add_policy(path.clone(), text.clone()) {
            // A syntax error in a built-in policy: the crate's tests report it; the interpreter
            // evaluates everything meanwhile.
            warnings.push(format!("{path}: {e}"));
            return Compiled {
                bytes: Vec::new(),
                warnings,
            };
        }
    }
    let mut entries: Vec<String> = sources
        .iter()
        .filter(|(_, text)| text::declares_deny(text))
        .filter_map(|(_, text)| text::declared_package(text))
        .map(|package| format!("data.{package}.deny"))
        .collect();
    entries.sort();
    let Some(first) = entries.first() else {
        return Compiled {
            bytes: Vec::new(),
            warnings,
        };
    };
    let policy = match engine.compile_with_entrypoint(&Rc::from(first.as_str())) {
        Ok(p) => p,
        Err(e) => {
            warnings.push(format!("the built-in policies do not compile: {e}"));
            return Compiled {
                bytes: Vec::new(),
                warnings,
            };
        }
    };
    let compiles = |entries: &[&str]| Compiler::compile_from_policy(&policy, entries);
    let all: Vec<&str> = entries.iter().map(String::as_str).collect();
    let program = match compiles(&all) {
        Ok(p) => p,
        Err(_) => {
            // Leave out the entry points that fail alone, and compile the others together.
            let kept: Vec<&str> = all
                .iter()
                .copied()
                .filter(|e| match compiles(&[e]) {
                    Ok(_) => true,
                    Err(err) => {
                        warnings.push(format!("{e} is left to the interpreter: {err}"));
                        false
                    }
                })
                .collect();
            match compiles(&kept) {
                Ok(p) => p,
                Err(e) => {
                    warnings.push(format!("the built-in policies do not compile: {e}"));
                    return Compiled {
                        bytes: Vec::new(),
                        warnings,
                    };
                }
            }
        }
    };
    // What only error messages would read is left out: the Rego sources (the binary embeds them
    // already) and each instruction's place in them. Start-up reads a third less.
    let mut program = (*program).clone();
    program.sources.clear();
    program.instruction_spans = vec![None; program.instruction_spans.len()];
    match program.serialize_binary() {
        Ok(bytes) => Compiled { bytes, warnings },
        Err(e) => {
            warnings.push(format!(
                "the compiled policies could not be serialized: {e}"
            ));
            Compiled {
                bytes: Vec::new(),
                warnings,
            }
        }
    }
}
