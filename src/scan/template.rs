//! One CloudFormation template (YAML or JSON): parameters and conditions resolved, adapted, judged;
//! conditions that cannot be decided are judged branch by branch.

use super::judge::judge;
use super::{RootResult, Shared};
use crate::finding::{Finding, ScanError};
use crate::source::{self, FileId};
use crate::{cloudformation, json, policy, suppress, terraform, yaml};
use std::collections::BTreeMap;

/// Reads a CloudFormation template (YAML or JSON) and judges its resources.
pub(super) fn scan_template(cx: &Shared, id: FileId, engine: &mut policy::Engines) -> RootResult {
    let mut out = RootResult::default();
    let file = cx.sources.get(id);
    let is_json = file.text.trim_start().starts_with('{');
    let parsed = if is_json {
        json::parse(&file.text)
    } else {
        yaml::parse(&file.text)
    };
    let root = match parsed {
        Ok(root) => root,
        Err(e) => {
            out.errors.push(ScanError::parse(
                source::Span::new(id, e.span),
                format!(
                    "CloudFormation template is not valid {}: {}",
                    if is_json { "JSON" } else { "YAML" },
                    e.message
                ),
            ));
            return out;
        }
    };
    // YAML or JSON that mentions templates but is not one (a workflow, a config file): skipped; but a
    // document that declares AWSTemplateFormatVersion must be a mapping.
    let Some(tpl) = cloudformation::Template::from_node(&root, cx.cfn_params.clone())
        .map(|t| t.with_source(&file.text))
    else {
        if !matches!(root.kind, json::Kind::Object(_))
            && file.text.contains("AWSTemplateFormatVersion")
        {
            out.errors.push(ScanError::parse(
                source::Span::new(id, root.span.start..root.span.start),
                "a CloudFormation template must be a mapping of sections (AWSTemplateFormatVersion, Resources, …)".into(),
            ));
        }
        return out;
    };
    for r in &tpl.resources {
        out.directives.extend(suppress::metadata_directives(
            id,
            file,
            r.entry,
            &mut out.notes,
        ));
    }
    let judge_template = |tpl: &cloudformation::Template, engine: &mut policy::Engines| {
        let (model, locations) = cloudformation::adapt::adapt(id, tpl);
        let raw = (cx.registry.wants_raw() || cx.keep_inputs)
            .then(|| cloudformation::adapt::raw(id, tpl));
        let analysis = terraform::Analysis {
            raw,
            notes: Vec::new(),
            model,
            locations,
            errors: Vec::new(),
            read_files: Vec::new(),
        };
        let mut r = RootResult::default();
        judge(cx, &analysis, &file.display, engine, &mut r);
        for f in &mut r.findings {
            f.cloudformation = true;
        }
        r
    };
    let mut first = judge_template(&tpl, engine);
    out.inputs = std::mem::take(&mut first.inputs);
    let undecided: Vec<String> = tpl
        .undecided_conditions()
        .into_iter()
        .take(MAX_ASSUMED)
        .collect();
    if undecided.is_empty() {
        out.findings = first.findings;
        out.errors.extend(first.errors);
        out.undecided = first.undecided;
        return out;
    }
    // Conditions that cannot be decided: every branch can be taken, so judge each assignment and name the
    // conditions under which a finding holds when it does not hold under all of them.
    // (rule, span start, resource, path) → the finding and the runs that found it.
    let mut by_key: BTreeMap<FindingKey, (Finding, Vec<usize>)> = BTreeMap::new();
    let runs = 1usize << undecided.len();
    for run in 0..runs {
        let assumed: std::collections::HashMap<String, bool> = undecided
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), run & (1 << i) != 0))
            .collect();
        let Some(t) = cloudformation::Template::from_node(&root, cx.cfn_params.clone())
            .map(|t| t.with_source(&file.text))
        else {
            return out;
        };
        let mut r = judge_template(&t.assuming(assumed), engine);
        out.inputs.append(&mut r.inputs);
        if run == 0 {
            out.errors.extend(r.errors);
        }
        for f in r.findings {
            let key = (
                f.rule,
                f.span.range.start,
                f.resource.clone(),
                f.path.clone(),
            );
            by_key
                .entry(key)
                .or_insert_with(|| (f, Vec::new()))
                .1
                .push(run);
        }
    }
    for (_, (mut f, found_in)) in by_key {
        if found_in.len() < runs {
            let when: Vec<String> = undecided
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let values: Vec<bool> =
                        found_in.iter().map(|run| run & (1 << i) != 0).collect();
                    let all_same = values.windows(2).all(|w| w[0] == w[1]);
                    all_same.then(|| {
                        format!(
                            "condition {c} is {}",
                            values.first().copied().unwrap_or(false)
                        )
                    })
                })
                .collect();
            if !when.is_empty() {
                f.message = format!("{} (when {})", f.message, when.join(" and "));
            }
        }
        out.findings.push(f);
    }
    out.undecided = first.undecided;
    out
}

/// What makes two findings of different runs the same: rule, span start, resource, attribute path.
type FindingKey = (usize, usize, String, String);

/// Most undecidable conditions whose branches are judged one by one (2^n evaluations of a template).
const MAX_ASSUMED: usize = 3;
