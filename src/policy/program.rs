//! The built-in policies compiled at build time (build.rs, `build/program.rs`) for regorus's virtual
//! machine: a scan deserializes this program instead of parsing and compiling Rego at every start, and
//! runs each policy's `deny` rule as one of its entry points. Custom policies, and any built-in policy the
//! compiler could not take, are evaluated by the interpreter (`regorus::Engine`).

use regorus::rvm::program::{DeserializationResult, Program};
use regorus::rvm::vm::RegoVM;
use regorus::Value;
use std::sync::{Arc, OnceLock};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/policies.rvm"));

/// The program, deserialized on first use; `None` when the build produced none (or it cannot be read,
/// which a test rules out).
pub fn builtin() -> Option<&'static Arc<Program>> {
    static PROGRAM: OnceLock<Option<Arc<Program>>> = OnceLock::new();
    PROGRAM
        .get_or_init(|| match Program::deserialize_binary(BYTES) {
            Ok(DeserializationResult::Complete(p)) => Some(Arc::new(p)),
            _ => None,
        })
        .as_ref()
}

/// Whether the built-in program has an entry point for `rule` (`data.<package>.deny`).
pub fn has_entry(rule: &str) -> bool {
    !BYTES.is_empty() && builtin().is_some_and(|p| p.get_entry_point(rule).is_some())
}

/// A virtual machine with the built-in program loaded: one per scanning thread.
pub struct Machine {
    vm: RegoVM,
}

impl Machine {
    pub fn new(program: &Arc<Program>, timeout: std::time::Duration) -> Machine {
        let mut vm = RegoVM::new();
        vm.load_program(program.clone());
        // The time budget bounds an evaluation, as it does the interpreter's; the machine's own default
        // cap (25,000 instructions) is far below what a policy needs on a large module.
        vm.set_max_instructions(usize::MAX);
        vm.set_execution_timer_config(Some(regorus::utils::limits::ExecutionTimerConfig {
            limit: timeout,
            check_interval: std::num::NonZeroU32::MIN.saturating_add(255),
        }));
        Machine { vm }
    }

    pub fn set_input(&mut self, input: Value) {
        self.vm.set_input(input);
    }

    /// The value of `rule` for the input set last.
    pub fn eval(&mut self, rule: &str) -> Result<Value, String> {
        self.vm
            .execute_entry_point_by_name(rule)
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The build compiled every built-in policy, and the program reads back.
    #[test]
    fn every_builtin_policy_is_an_entry_point_of_the_compiled_program() {
        let program = builtin().expect("the build compiles the built-in policies");
        for b in super::super::embedded::EMBEDDED.iter().filter(|b| b.deny) {
            let rule = format!("data.{}.deny", b.package);
            assert!(
                program.get_entry_point(&rule).is_some(),
                "{} is not in the compiled program",
                b.path
            );
        }
    }
}
