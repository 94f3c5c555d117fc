//! preflight: finds public, unencrypted and overshared cloud resources in infrastructure code.
//!
//! The flow (see ARCHITECTURE.md): `discover` → `scan` (files, module graph, per root module / plan /
//! template: `terraform::parse` → `terraform::eval` → `terraform::adapt` or `cloudformation` (into
//! `model`) → `policy` (regorus) → locate and judge → suppressions) → `report`.
//! [`scan`] is the API that the command line, the language server and the tests use.

pub(crate) mod adapt;
pub mod baseline;
pub mod cli;
pub mod cloudformation;
pub mod config;
pub mod discover;
pub mod finding;
pub mod fingerprint;
pub mod json;
pub mod json_spans;
pub mod lsp;
pub mod model;
pub mod policy;
pub mod redact;
pub mod report;
pub mod scan;
pub mod source;
pub mod suppress;
pub mod terraform;
pub mod yaml;

pub use scan::{scan, scan_with, Outcome, Request, MAX_FILE_BYTES};

/// Empties `cell`, keeping the first of equal items: the reasons or trace steps met during one
/// evaluation, each once.
pub(crate) fn drain_unique<T: PartialEq>(cell: &std::cell::RefCell<Vec<T>>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in cell.borrow_mut().drain(..) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}
