//! One Terraform plan (`terraform show -json`): its planned values, adapted and judged.

use super::judge::judge;
use super::{RootResult, Shared};
use crate::finding::ScanError;
use crate::source::{self, FileId};
use crate::{json, policy, terraform};

/// Reads a `terraform show -json` plan and judges its planned values.
pub(super) fn scan_plan(cx: &Shared, id: FileId, engine: &mut policy::Engines) -> RootResult {
    let mut out = RootResult::default();
    let file = cx.sources.get(id);
    let doc = match json::parse(&file.text) {
        Ok(doc) => doc,
        Err(e) => {
            out.errors.push(ScanError::parse(
                source::Span::new(id, e.span),
                format!("Terraform plan is not valid JSON: {}", e.message),
            ));
            return out;
        }
    };
    let plan = match terraform::plan::Plan::from_json(&doc) {
        Ok(plan) => plan,
        Err(e) => {
            out.errors
                .push(ScanError::parse(source::Span::new(id, e.span), e.message));
            return out;
        }
    };
    let (model, locations) = terraform::adapt::adapt_plan(id, &plan);
    let raw =
        (cx.registry.wants_raw() || cx.keep_inputs).then(|| terraform::adapt::raw_plan(id, &plan));
    let analysis = terraform::Analysis {
        raw,
        notes: Vec::new(),
        model,
        locations,
        errors: Vec::new(),
        read_files: Vec::new(),
    };
    judge(cx, &analysis, &file.display, engine, &mut out);
    out
}
