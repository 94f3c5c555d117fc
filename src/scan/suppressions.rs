//! Suppression directives applied to the findings, and the warnings about directives.

use crate::finding::{Finding, ScanError};
use crate::policy::Registry;
use crate::source::{self, SourceMap};
use crate::suppress;

/// Removes the findings that a directive covers; returns them with the reason, and the warnings: a rule ID that no
/// rule has, an expiry date that is not a date (the directive is then not applied), an expired
/// directive, and IDs that matched no finding.
pub(super) fn apply_suppressions(
    findings: &mut Vec<Finding>,
    directives: &[suppress::Directive],
    sources: &SourceMap,
    registry: &Registry,
) -> (Vec<crate::finding::Suppressed>, Vec<ScanError>) {
    let today = suppress::today();
    let expiry = |d: &suppress::Directive| match &d.expires {
        None => Expiry::Never,
        Some(e) if !suppress::valid_date(&e.text) => Expiry::Invalid,
        Some(e) if e.text.as_str() < today.as_str() => Expiry::Passed,
        Some(_) => Expiry::Later,
    };
    let applied: Vec<bool> = directives
        .iter()
        .map(|d| matches!(expiry(d), Expiry::Never | Expiry::Later))
        .collect();
    // Per directive, per ID: whether it named the rule of a finding it covers.
    let mut used: Vec<Vec<bool>> = directives
        .iter()
        .map(|d| vec![false; d.ids.len()])
        .collect();
    let index = suppress::Index::new(directives);
    let mut removed = Vec::new();
    findings.retain(|f| {
        let policy = &registry.policies[f.rule];
        let line = sources.get(f.span.file).line_col(f.span.range.start).line;
        let header_line = sources
            .get(f.header.file)
            .line_col(f.header.range.start)
            .line;
        let mut keep = true;
        let mut covering = index.covering(&f.span, line, &f.header, header_line);
        // A directive on a `module` block covers what the call creates.
        for call in &f.calls {
            let call_line = sources.get(call.file).line_col(call.range.start).line;
            covering.extend(index.covering(call, call_line, call, call_line));
        }
        covering.sort_unstable();
        covering.dedup();
        for i in covering {
            let d = &directives[i];
            for (k, w) in d.ids.iter().enumerate() {
                if suppress::names_rule(&w.text, &policy.id, &policy.name) {
                    used[i][k] = true;
                    if keep && applied[i] {
                        keep = false;
                        removed.push(crate::finding::Suppressed {
                            finding: f.clone(),
                            reason: d.reason.clone(),
                        });
                    }
                }
            }
        }
        keep
    });
    let known = |w: &str| {
        registry
            .policies
            .iter()
            .any(|p| suppress::names_rule(w, &p.id, &p.name))
    };
    let mut warnings = Vec::new();
    for (d, used) in directives.iter().zip(used) {
        let at = |range: &std::ops::Range<usize>| source::Span::new(d.file, range.clone());
        if d.ids.is_empty() {
            warnings.push(ScanError::parse(
                at(&d.range),
                "suppression names no rule: write `preflight:ignore RULE-ID -- reason`".into(),
            ));
        }
        for w in d.ids.iter().filter(|w| !known(&w.text)) {
            let hint = suppress::closest(
                &w.text,
                registry
                    .policies
                    .iter()
                    .flat_map(|p| [p.id.as_str(), p.name.as_str()]),
            )
            .map_or_else(
                || "; `preflight rules` lists the rules".to_string(),
                |k| format!("; did you mean `{k}`?"),
            );
            warnings.push(ScanError::parse(
                at(&w.range),
                format!("no rule `{}`{hint}", w.text),
            ));
        }
        let ids = |ws: &mut dyn Iterator<Item = &suppress::Word>| {
            ws.map(|w| w.text.as_str()).collect::<Vec<_>>().join(", ")
        };
        match (expiry(d), &d.expires) {
            (Expiry::Invalid, Some(e)) => warnings.push(ScanError::parse(
                at(&e.range),
                if e.text.is_empty() {
                    "`exp:` has no date: expected YYYY-MM-DD; the suppression is not applied".into()
                } else {
                    format!(
                        "invalid expiry date `{}`: expected YYYY-MM-DD; the suppression is not applied",
                        e.text
                    )
                },
            )),
            (Expiry::Passed, Some(e)) => warnings.push(ScanError::parse(
                at(&d.range),
                format!(
                    "suppression of {} expired on {}; the findings it covered are reported again",
                    ids(&mut d.ids.iter()),
                    e.text
                ),
            )),
            _ => {
                let unused: Vec<&suppress::Word> = d
                    .ids
                    .iter()
                    .zip(&used)
                    .filter(|(w, used)| !**used && known(&w.text))
                    .map(|(w, _)| w)
                    .collect();
                if used.iter().any(|u| *u) {
                    // Some IDs did their work: each unused one is pointed at.
                    for w in unused {
                        warnings.push(ScanError::parse(
                            at(&w.range),
                            format!(
                                "suppression of {} matches no finding here; remove it",
                                w.text
                            ),
                        ));
                    }
                } else if !unused.is_empty() {
                    warnings.push(ScanError::parse(
                        at(&d.range),
                        format!(
                            "suppression of {} matches no finding here; remove it",
                            ids(&mut unused.into_iter())
                        ),
                    ));
                }
            }
        }
    }
    (removed, warnings)
}

/// Where a directive's expiry date stands.
enum Expiry {
    Never,
    Later,
    Passed,
    Invalid,
}
