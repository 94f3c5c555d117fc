//! Bytes → a source file with findings, errors and trace steps at positions the fuzzer picks → the
//! human report. The text may be made one long line (past column 65,535, where miette's own
//! rendering panics), spans may fall inside multi-byte characters or past the end, and the text may
//! hold control characters. Asserts: no panic, no control character in the output, no line much
//! longer than a window.
#![no_main]

use libfuzzer_sys::fuzz_target;
use preflight::finding::{Finding, ScanError, Trace};
use preflight::policy::Registry;
use preflight::report::human::{render, Style};
use preflight::source::{SourceFile, SourceMap, Span};
use preflight::Outcome;
use std::sync::{Arc, OnceLock};

static REGISTRY: OnceLock<Registry> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    if data.len() < 12 {
        return;
    }
    let registry = REGISTRY.get_or_init(|| Registry::builtin().expect("built-in policies compile"));
    let (head, body) = data.split_at(12);
    let mut text = String::from_utf8_lossy(body).into_owned();
    // Repeated onto one line far past column 65,535 when asked.
    if head[0] & 1 == 1 && !text.is_empty() {
        let one_line = text.replace('\n', " ");
        let times = (70_000 / one_line.len().max(1) + 1).min(70_000);
        text = one_line.repeat(times);
    }
    let len = text.len().max(1);
    let at = |a: u8, b: u8| (usize::from(a) << 8 | usize::from(b)) * len / 65_536;
    let pos = |k: usize| at(head[k], head[k + 1]) * if head[0] & 2 == 2 { 7 } else { 1 };
    let mut sources = SourceMap::default();
    let file = sources.add(SourceFile::new(
        "f\u{1b}[2J.tf".into(),
        "f\u{1b}[2J.tf".into(),
        Arc::from(text.as_str()),
    ));
    let span = |a: usize, b: usize| Span::new(file, a.min(b)..a.max(b));
    let rule = usize::from(head[10]) % registry.policies.len();
    let findings = (0..usize::from(head[11] % 4))
        .map(|i| Finding {
            rule,
            span: span(pos(1 + i), pos(3 + i)),
            resource: "aws_s3_bucket.x\u{7}".into(),
            message: "message \u{1b}]0;t\u{7}".into(),
            path: "acl".into(),
            missing: (head[5] & 1 == 1).then(|| "acl".to_string()),
            trace: vec![
                Trace {
                    span: Some(span(pos(5), pos(7))),
                    note: "var.x is set here".into(),
                },
                Trace {
                    span: None,
                    note: "--var x".into(),
                },
            ],
            header: span(pos(1), pos(2)),
            cloudformation: head[6] & 1 == 1,
        })
        .collect();
    let errors = vec![ScanError::parse(span(pos(7), pos(8)), "syntax \u{1b}[1m".into())];
    let outcome = Outcome {
        sources,
        findings,
        errors,
        files: 1,
        ..Default::default()
    };
    let out = render(
        &outcome,
        registry,
        Style {
            color: head[9] & 1 == 1,
            width: 20 + usize::from(head[9]),
        },
    );
    if head[9] & 1 == 0 {
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }
    let longest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 1_000, "a line of {longest} characters");
});
