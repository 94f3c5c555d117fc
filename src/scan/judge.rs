//! Judging: the policies run on an analysis's model, and each result located (span, resource, trace);
//! with `show_unknown`, the checks that unknown values left undecided.

use super::{RootResult, Shared};
use crate::finding::{self, Finding, ScanError};
use crate::{policy, terraform};

/// Runs the policies on an analysis and locates their results (and, when asked, the undecided checks).
pub(super) fn judge(
    cx: &Shared,
    analysis: &terraform::Analysis,
    what: &str,
    engine: &mut policy::Engines,
    out: &mut RootResult,
) {
    let (results, failures) = match reported_collections(cx, analysis) {
        None => cx.registry.evaluate(engine, &analysis.model),
        Some(collections) => cx
            .registry
            .evaluate_reading(engine, &analysis.model, &collections),
    };
    place(cx, &analysis.locations, results, failures, what, out);
    if cx.keep_inputs {
        let resources = analysis
            .raw
            .as_ref()
            .map(|raw| raw.to_json(|f| cx.sources.get(f).display.clone())["resources"].take())
            .unwrap_or_default();
        out.inputs.push(serde_json::json!({
            "source": what,
            "model": serde_json::to_value(&analysis.model).unwrap_or_default(),
            "resources": resources,
        }));
    }
    // Policies that read the scan's resources rather than the model (`custom.input: raw`).
    // The (policy, resource) pairs the raw policies reported: decided, whatever is unknown.
    let mut reported = std::collections::BTreeSet::new();
    if let Some(raw) = &analysis.raw {
        let input = raw.to_json(|f| cx.sources.get(f).display.clone());
        let (results, failures) = cx.registry.evaluate_raw(engine, &input);
        reported.extend(results.iter().map(|r| (r.policy, r.id.clone())));
        place(cx, &raw.locations, results, failures, what, out);
    }
    if cx.show_unknown {
        out.undecided = undecided(cx, analysis, engine);
        if let Some(raw) = &analysis.raw {
            let input = raw.to_json(|f| cx.sources.get(f).display.clone());
            out.undecided
                .extend(undecided_raw(cx, raw, &input, engine, &reported));
        }
    }
}

/// The collections holding an entity a finding could be reported on (one written in a reported file,
/// or with a value that comes from one), or `None` when that is every entity: a scan of one file of a
/// module evaluates the whole module, and needs only the policies that read what that file defines.
fn reported_collections(cx: &Shared, analysis: &terraform::Analysis) -> Option<Vec<&'static str>> {
    let reported = |s: &crate::source::Span| cx.report.contains(&s.file);
    let touches = |e: &crate::model::EntityLocations| {
        reported(&e.header)
            || e.attrs.values().any(reported)
            || e.traces
                .values()
                .flatten()
                .any(|t| t.span.as_ref().is_some_and(reported))
    };
    let mut all = true;
    let mut out: Vec<&'static str> = Vec::new();
    for (collection, meta) in analysis.model.metas() {
        let touched = analysis
            .locations
            .entities
            .get(&meta.id)
            .is_none_or(touches);
        all &= touched;
        if touched && !out.contains(&collection) {
            out.push(collection);
        }
    }
    (!all).then_some(out)
}

/// The checks of policies that read the raw input (`custom.input: raw`) that an unknown value left
/// undecided: a resource's unknown path whose attribute the policy reads, unless a probe finds that
/// no value there could make it report (as [`undecided`] does for the model; a policy evaluated in a
/// worker process is probed there). A policy that reports the resource anyway has decided: its
/// checks of that resource are not listed.
fn undecided_raw(
    cx: &Shared,
    raw: &crate::adapt::raw::RawInput,
    input: &serde_json::Value,
    engines: &mut policy::Engines,
    reported: &std::collections::BTreeSet<(usize, String)>,
) -> Vec<finding::Undecided> {
    let mut out = Vec::new();
    let first = |u: &str| u.split(['.', '[']).next().unwrap_or(u).to_string();
    for r in &raw.resources {
        let Some(id) = r.json.get("id").and_then(serde_json::Value::as_str) else {
            continue;
        };
        let unknown: Vec<&str> = r
            .json
            .get("unknown")
            .and_then(serde_json::Value::as_array)
            .map(|u| u.iter().filter_map(serde_json::Value::as_str).collect())
            .unwrap_or_default();
        for path in &unknown {
            // An AWS resource's unknown tag is unknown in `tags_all` too, which adds the provider's
            // default tags to it: a policy that reads `tags_all` has its check listed there, once.
            let in_tags_all = path
                .strip_prefix("tags")
                .filter(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
                .map(|rest| format!("tags_all{rest}"))
                .filter(|all| unknown.contains(&all.as_str()));
            for (i, p) in cx.registry.policies.iter().enumerate() {
                if !p.raw || !p.reads.contains(&first(path)) {
                    continue;
                }
                if in_tags_all.is_some() && p.reads.contains("tags_all") {
                    continue;
                }
                if reported.contains(&(i, id.to_string())) {
                    continue;
                }
                let Some(located) = raw.locations.locate(id, path) else {
                    continue;
                };
                if !cx.report.contains(&located.span.file) {
                    continue;
                }
                let alone = !unknown
                    .iter()
                    .any(|other| other != path && p.reads.contains(&first(other)));
                let check = policy::probe::Check {
                    policy: i,
                    collection: "resources",
                    id,
                    path,
                };
                if alone && !cx.registry.could_fire_raw(engines, input, &check) {
                    continue;
                }
                out.push(finding::Undecided {
                    rule: i,
                    resource: located.entity.resource.clone(),
                    attribute: path.to_string(),
                    span: located.span,
                    reasons: raw.locations.why(id, path),
                });
            }
        }
    }
    out
}

/// Locates policy results on `locations` and adds them (and the policies' failures) to `out`.
fn place(
    cx: &Shared,
    locations: &crate::model::Locations,
    results: Vec<policy::RawResult>,
    failures: Vec<String>,
    what: &str,
    out: &mut RootResult,
) {
    for message in failures {
        out.errors.push(ScanError {
            span: None,
            file: None,
            path: Some(what.to_string()),
            message: format!("policy evaluation failed: {message}"),
        });
    }
    for r in results {
        let policy = &cx.registry.policies[r.policy];
        let Some(located) = locations.locate(&r.id, &r.path) else {
            out.errors.push(ScanError {
                span: None,
                file: None,
                path: Some(policy.source_path.clone()),
                message: format!(
                    "policy {} returned entity `{}`, which is not in its input",
                    policy.meta.id, r.id
                ),
            });
            continue;
        };
        // Reported when it is in a reported file, or its value comes from one (a file named on the
        // command line that sets a variable another file of the module uses).
        let from_reported = located
            .trace
            .iter()
            .any(|t| t.span.as_ref().is_some_and(|s| cx.report.contains(&s.file)));
        if !cx.report.contains(&located.span.file) && !from_reported {
            continue;
        }
        let mut trace = located.trace;
        trace.extend(located.entity.note.clone());
        out.findings.push(Finding {
            rule: r.policy,
            resource: located.entity.resource.clone(),
            span: located.span,
            message: r.message,
            path: r.path,
            missing: located.missing,
            trace,
            header: located.entity.header.clone(),
            cloudformation: false,
            calls: Vec::new(),
        });
    }
}

/// The checks a policy could not decide because an attribute it reads is unknown. A check that could
/// not fire whatever the value is (a probe with every value the policy compares to finds nothing) is
/// left out, unless something else it reads is unknown too (the probe sets one value): another
/// attribute of the same entity (a network ACL's rules are judged in order), or an attribute of an
/// entity of another collection it reads (an account-wide setting).
fn undecided(
    cx: &Shared,
    analysis: &terraform::Analysis,
    engines: &mut policy::Engines,
) -> Vec<finding::Undecided> {
    let mut out = Vec::new();
    let model_json = serde_json::to_value(&analysis.model).unwrap_or_default();
    let metas = analysis.model.metas();
    for &(collection, meta) in &metas {
        for path in &meta.unknown {
            let field = path.split(['.', '[']).next().unwrap_or(path);
            for (i, p) in cx.registry.policies.iter().enumerate() {
                if !p
                    .inputs
                    .iter()
                    .any(|c| policy::reads_collection(c, collection))
                    || !p.reads.contains(field)
                {
                    continue;
                }
                let Some(located) = analysis.locations.locate(&meta.id, path) else {
                    continue;
                };
                if !cx.report.contains(&located.span.file) {
                    continue;
                }
                let reads = |u: &String| p.reads.contains(u.split(['.', '[']).next().unwrap_or(u));
                let alone = !meta
                    .unknown
                    .iter()
                    .any(|other| other != path && reads(other))
                    && !metas.iter().any(|(c, m)| {
                        *c != collection
                            && p.inputs.iter().any(|i| policy::reads_collection(i, c))
                            && m.unknown.iter().any(reads)
                    });
                let check = policy::probe::Check {
                    policy: i,
                    collection,
                    id: &meta.id,
                    path,
                };
                if alone
                    && !cx
                        .registry
                        .could_fire(engines, &analysis.model, &model_json, &check)
                {
                    continue;
                }
                out.push(finding::Undecided {
                    rule: i,
                    resource: located.entity.resource.clone(),
                    attribute: path.clone(),
                    span: located.span,
                    reasons: analysis.locations.why(&meta.id, path),
                });
            }
        }
    }
    out
}
