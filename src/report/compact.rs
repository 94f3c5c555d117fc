//! `--format compact`: `file:line:col: severity [ID] message`, one line per finding, then one per
//! error (`error`) and warning (`warning`), for editors, grep and reviewdog (`%f:%l:%c: %m`).
//!
//! File names and messages come from scanned files: they are written on one line with control
//! characters made visible, so one finding is always one line.

use super::terminal::escape_line;
use super::{error_position, finding_position};
use crate::policy::Registry;
use crate::Outcome;

pub fn render(outcome: &Outcome, registry: &Registry) -> String {
    let mut out = String::new();
    for (e, kind) in outcome
        .errors
        .iter()
        .map(|e| (e, "error"))
        .chain(outcome.warnings.iter().map(|w| (w, "warning")))
    {
        let (file, lc) = error_position(e, &outcome.sources);
        out.push_str(&format!(
            "{}:{}:{}: {kind} {}\n",
            escape_line(&file),
            lc.line,
            lc.column,
            escape_line(&e.message)
        ));
    }
    for f in &outcome.findings {
        let meta = &registry.policies[f.rule].meta;
        let pos = finding_position(f, &outcome.sources);
        out.push_str(&format!(
            "{}:{}:{}: {} [{}] {}\n",
            escape_line(&pos.file),
            pos.start.line,
            pos.start.column,
            meta.severity,
            meta.id,
            escape_line(&f.message)
        ));
    }
    out
}
