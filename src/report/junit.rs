//! `--format junit`: a JUnit XML test report, which GitLab (`artifacts:reports:junit`), Jenkins and
//! most CI systems show as a list of tests.
//!
//! One `<testsuite>` per rule; in it one `<testcase>` per resource the rule fired on (its findings
//! listed in one `<failure>`), a `<skipped>` test case for each suppressed finding, and a single
//! passing test case when the rule found nothing. Rule IDs are the `classname`, so Jenkins, which
//! splits class names at dots, groups by rule. Files that could not be read or parsed are a last
//! suite, `preflight`, with one `<error>` each. Written with quick-xml; text from scanned files has
//! the characters XML 1.0 cannot hold (most control characters) made visible.

use super::{error_position, finding_position};
use crate::policy::Registry;
use crate::Outcome;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::collections::BTreeMap;
use std::io;

/// `s` with the characters XML 1.0 does not allow replaced by their visible form.
fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let allowed = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
        if allowed && !super::terminal::is_unsafe(c) || matches!(c, '\t' | '\n') {
            out.push(c);
        } else {
            super::terminal::push_escaped(&mut out, c);
        }
    }
    out
}

/// A test case: a rule's findings on one resource of one file.
struct Case {
    name: String,
    /// The first finding's message.
    message: String,
    /// Every finding's location and message.
    body: String,
    /// The fix, in the terms of the file's format.
    fix: String,
}

pub fn render(outcome: &Outcome, registry: &Registry) -> String {
    match write(outcome, registry) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        // Writing to a Vec does not fail; should it, the report says so in XML still.
        Err(e) => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites><!-- {} --></testsuites>\n",
            xml_text(&e.to_string()).replace("--", "- -")
        ),
    }
}

fn write(outcome: &Outcome, registry: &Registry) -> io::Result<Vec<u8>> {
    // Per rule (registry order), per (file, resource): the findings.
    let mut cases: BTreeMap<usize, BTreeMap<(String, String), Case>> = BTreeMap::new();
    for f in &outcome.findings {
        let meta = &registry.policies[f.rule].meta;
        let pos = finding_position(f, &outcome.sources);
        let case = cases
            .entry(f.rule)
            .or_default()
            .entry((pos.file.clone(), f.resource.clone()))
            .or_insert_with(|| Case {
                name: format!("{} in {}", f.resource, pos.file),
                message: f.message.clone(),
                body: String::new(),
                fix: meta.help(f.cloudformation).to_string(),
            });
        case.body.push_str(&format!(
            "{}:{}:{}: {} [{}] {}\n",
            pos.file, pos.start.line, pos.start.column, meta.severity, meta.id, f.message
        ));
        for t in &f.trace {
            case.body.push_str(&format!("  value: {}\n", t.note));
        }
    }
    let mut skipped: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
    for s in &outcome.suppressed_findings {
        let pos = finding_position(&s.finding, &outcome.sources);
        skipped.entry(s.finding.rule).or_default().push((
            format!(
                "{} in {} ({}:{})",
                s.finding.resource, pos.file, pos.start.line, pos.start.column
            ),
            match &s.reason {
                Some(r) => format!("suppressed: {r}"),
                None => "suppressed".to_string(),
            },
        ));
    }

    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let tests: usize = registry
        .policies
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let n = cases.get(&i).map_or(0, |c| c.len()) + skipped.get(&i).map_or(0, |s| s.len());
            n.max(1)
        })
        .sum::<usize>()
        + outcome.errors.len();
    let failures: usize = cases.values().map(|c| c.len()).sum();
    let skipped_total: usize = skipped.values().map(|s| s.len()).sum();
    w.create_element("testsuites")
        .with_attribute(("name", "preflight"))
        .with_attribute(("tests", tests.to_string().as_str()))
        .with_attribute(("failures", failures.to_string().as_str()))
        .with_attribute(("errors", outcome.errors.len().to_string().as_str()))
        .with_attribute(("skipped", skipped_total.to_string().as_str()))
        .write_inner_content(|w| {
            for (i, policy) in registry.policies.iter().enumerate() {
                let meta = &policy.meta;
                let suite_cases = cases.get(&i);
                let suite_skipped = skipped.get(&i);
                let n_fail = suite_cases.map_or(0, |c| c.len());
                let n_skip = suite_skipped.map_or(0, |s| s.len());
                let suite_name = format!("{} {}", meta.id, meta.name);
                w.create_element("testsuite")
                    .with_attribute(("name", xml_text(&suite_name).as_str()))
                    .with_attribute(("tests", (n_fail + n_skip).max(1).to_string().as_str()))
                    .with_attribute(("failures", n_fail.to_string().as_str()))
                    .with_attribute(("errors", "0"))
                    .with_attribute(("skipped", n_skip.to_string().as_str()))
                    .write_inner_content(|w| {
                        if n_fail + n_skip == 0 {
                            w.create_element("testcase")
                                .with_attribute(("classname", meta.id.as_str()))
                                .with_attribute(("name", xml_text(&meta.title).as_str()))
                                .write_empty()?;
                        }
                        for case in suite_cases.into_iter().flat_map(|c| c.values()) {
                            let body = format!(
                                "{}\nfix: {}\nmore: preflight explain {}\n",
                                case.body.trim_end(),
                                case.fix,
                                meta.id
                            );
                            w.create_element("testcase")
                                .with_attribute(("classname", meta.id.as_str()))
                                .with_attribute(("name", xml_text(&case.name).as_str()))
                                .write_inner_content(|w| {
                                    w.create_element("failure")
                                        .with_attribute((
                                            "message",
                                            xml_text(&case.message).as_str(),
                                        ))
                                        .with_attribute(("type", meta.severity.as_str()))
                                        .write_text_content(BytesText::new(&xml_text(&body)))?;
                                    Ok(())
                                })?;
                        }
                        for (name, why) in suite_skipped.into_iter().flatten() {
                            w.create_element("testcase")
                                .with_attribute(("classname", meta.id.as_str()))
                                .with_attribute(("name", xml_text(name).as_str()))
                                .write_inner_content(|w| {
                                    w.create_element("skipped")
                                        .with_attribute(("message", xml_text(why).as_str()))
                                        .write_empty()?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
            }
            if !outcome.errors.is_empty() {
                w.create_element("testsuite")
                    .with_attribute(("name", "preflight"))
                    .with_attribute(("tests", outcome.errors.len().to_string().as_str()))
                    .with_attribute(("failures", "0"))
                    .with_attribute(("errors", outcome.errors.len().to_string().as_str()))
                    .with_attribute(("skipped", "0"))
                    .write_inner_content(|w| {
                        for e in &outcome.errors {
                            let (file, lc) = error_position(e, &outcome.sources);
                            let at = format!("{file}:{}:{}", lc.line, lc.column);
                            w.create_element("testcase")
                                .with_attribute(("classname", "preflight"))
                                .with_attribute((
                                    "name",
                                    xml_text(&format!("read {file}")).as_str(),
                                ))
                                .write_inner_content(|w| {
                                    w.create_element("error")
                                        .with_attribute(("message", xml_text(&e.message).as_str()))
                                        .with_attribute(("type", "error"))
                                        .write_text_content(BytesText::new(&xml_text(&format!(
                                            "{at}: {}",
                                            e.message
                                        ))))?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::xml_text;

    #[test]
    fn characters_xml_cannot_hold_are_made_visible() {
        assert_eq!(
            xml_text("a\u{1}b\u{1b}c\td\ne"),
            "a\u{2401}b\u{241b}c\td\ne"
        );
        assert_eq!(xml_text("\u{fffe}"), "\\u{fffe}");
        assert_eq!(xml_text("<&>\"'"), "<&>\"'");
    }
}
