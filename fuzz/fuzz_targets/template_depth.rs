//! Deeply nested templates built from the fuzzer's bytes: YAML block style (sequences, mappings,
//! compact `- - -`, tags, anchors and aliases), YAML flow style, and JSON, up to tens of thousands of
//! levels. Asserts that parsing returns (no stack overflow), that an accepted tree is no deeper than
//! `json::MAX_DEPTH`, and runs what is accepted through the template reader and adapters.
//!
//! Input: byte 0 picks the format and whether a template header comes first; bytes 1–2 a repeat
//! count; the rest is a pattern of nesting steps, repeated that many times.
#![no_main]

use libfuzzer_sys::fuzz_target;
use preflight::json::{Kind, Node, MAX_DEPTH};
use preflight::source::FileId;

const HEADER: &str = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n";

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let mode = data[0];
    let repeat = usize::from(u16::from_le_bytes([data[1], data[2]])) % 3000 + 1;
    let pattern = &data[3..data.len().min(67)];
    let text = if mode & 1 == 0 {
        yaml(mode, repeat, pattern)
    } else {
        json(mode, repeat, pattern)
    };
    let parsed = if mode & 1 == 0 {
        preflight::yaml::parse(&text)
    } else {
        preflight::json::parse(&text)
    };
    let Ok(root) = parsed else {
        return;
    };
    let h = height(&root);
    assert!(h <= MAX_DEPTH, "accepted a tree {h} levels deep");
    let Some(tpl) = preflight::cloudformation::Template::from_node(&root, Default::default()) else {
        return;
    };
    std::hint::black_box(preflight::cloudformation::adapt::adapt(FileId(0), &tpl));
});

/// Nesting levels of a tree (containers counted), without recursion.
fn height(root: &Node) -> usize {
    let mut max = 0;
    let mut stack = vec![(root, 0usize)];
    while let Some((n, d)) = stack.pop() {
        match &n.kind {
            Kind::Array(items) => stack.extend(items.iter().map(|i| (i, d + 1))),
            Kind::Object(props) => stack.extend(props.iter().map(|p| (&p.value, d + 1))),
            _ => {}
        }
        max = max.max(d);
    }
    max
}

fn yaml(mode: u8, repeat: usize, pattern: &[u8]) -> String {
    let mut out = String::new();
    let mut col = 0usize;
    if mode & 2 != 0 {
        out.push_str(HEADER);
        out.push_str("        ");
        col = 8;
    }
    // Flow brackets still to close; once in flow style, everything below is flow.
    let mut closers: Vec<&str> = Vec::new();
    let mut anchors = 0usize;
    let steps = pattern.iter().cycle().take(pattern.len() * repeat);
    for (i, &op) in steps.enumerate() {
        if out.len() > 400_000 {
            break;
        }
        if closers.is_empty() {
            match op % 12 {
                // Compact sequence on the same line: `- - - x`.
                0 | 1 => {
                    out.push_str("- ");
                    col += 2;
                }
                // A sequence item whose content is on the next line, deeper.
                2 => {
                    out.push_str("-\n");
                    col += 2;
                    out.push_str(&" ".repeat(col));
                }
                // A mapping key whose value is on the next line, deeper.
                3 => {
                    out.push_str(&format!("k{}:\n", op / 12));
                    col += 2;
                    out.push_str(&" ".repeat(col));
                }
                // A tagged block collection.
                4 => {
                    out.push_str("- !Join\n");
                    col += 2;
                    out.push_str(&" ".repeat(col));
                }
                5 => {
                    out.push_str("k: !If\n");
                    col += 2;
                    out.push_str(&" ".repeat(col));
                }
                // An anchored sequence item, aliased later.
                6 => {
                    anchors += 1;
                    out.push_str(&format!("- &a{anchors}\n"));
                    col += 2;
                    out.push_str(&" ".repeat(col));
                }
                // Into flow style.
                7 => {
                    out.push('[');
                    closers.push("]");
                }
                8 => {
                    out.push_str("{k: ");
                    closers.push("}");
                }
                9 => {
                    out.push_str("!Sub [");
                    closers.push("]");
                }
                // A raw byte: keeps the generator from being too tidy.
                10 => out.push(char::from(b' ' + (op / 12) % 95)),
                _ => {
                    out.push_str("? ");
                    col += 2;
                }
            }
        } else {
            match op % 8 {
                0 | 1 => {
                    out.push('[');
                    closers.push("]");
                }
                2 => {
                    out.push_str("{a: ");
                    closers.push("}");
                }
                3 => {
                    out.push_str("!If [c, ");
                    closers.push(", x]");
                }
                4 => {
                    out.push_str("x, [");
                    closers.push("]");
                }
                5 if anchors > 0 => out.push_str(&format!("*a{}, ", i % anchors + 1)),
                6 => {
                    out.push_str("&f{i} [");
                    closers.push("]");
                }
                _ => out.push(char::from(b' ' + (op / 8) % 95)),
            }
        }
    }
    match (anchors, mode & 4 != 0) {
        (n, true) if n > 0 => out.push_str(&format!("*a{n}")),
        _ => out.push_str("!Ref P"),
    }
    while let Some(c) = closers.pop() {
        out.push_str(c);
    }
    out.push('\n');
    if anchors > 0 {
        // Aliases to every anchor, at the top level.
        for a in 1..=anchors.min(50) {
            out.push_str(&format!("alias{a}: *a{a}\n"));
        }
    }
    out
}

fn json(mode: u8, repeat: usize, pattern: &[u8]) -> String {
    let mut out = String::new();
    let mut closers: Vec<&str> = Vec::new();
    if mode & 2 != 0 {
        out.push_str("{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"Tags\": ");
        closers.extend(["}", "}", "}", "}"]);
    }
    let steps = pattern.iter().cycle().take(pattern.len() * repeat);
    for &op in steps {
        if out.len() > 400_000 {
            break;
        }
        match op % 8 {
            0 | 1 => {
                out.push('[');
                closers.push("]");
            }
            2 => {
                out.push_str("{\"a\": ");
                closers.push("}");
            }
            3 => {
                out.push_str("{\"Fn::If\": [\"c\", ");
                closers.push(", 1]}");
            }
            4 => {
                out.push_str("{\"Fn::Join\": [\"\", [");
                closers.push("]]}");
            }
            5 => out.push_str("\"[{\\\"\", "),
            6 => {
                out.push_str("[1, ");
                closers.push("]");
            }
            _ => out.push(char::from(b' ' + (op / 8) % 95)),
        }
    }
    out.push_str("{\"Ref\": \"P\"}");
    while let Some(c) = closers.pop() {
        out.push_str(c);
    }
    out
}
