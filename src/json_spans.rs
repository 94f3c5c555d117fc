//! Where the parts of a JSON-shaped value are written: a [`SpanTree`] mirrors a value (a policy
//! document) with the source span of every member and element, whatever wrote it — a CloudFormation
//! YAML or JSON node, an HCL object expression, JSON text inside a string literal (through an
//! [`OffsetMap`] from the rendered text back to the file), a data source's blocks.
//!
//! Knows nothing of what the value means, nor of HCL.

use crate::json;
use crate::source::{FileId, Span};
use std::ops::Range;

/// A value's span and, when its shape is written out, those of its members or elements.
#[derive(Debug, Clone)]
pub struct SpanTree {
    pub span: Span,
    pub kids: Kids,
    /// Where the value is used, when it is written elsewhere (the `policy =` that names a data
    /// source): a second label for a finding on it.
    pub used_at: Option<Span>,
}

#[derive(Debug, Clone)]
pub enum Kids {
    /// A value whose parts are not written out (a scalar, a reference, a function call).
    Leaf,
    Items(Vec<SpanTree>),
    /// Key, the span of the whole member (key to value), the value's tree.
    Members(Vec<Member>),
}

#[derive(Debug, Clone)]
pub struct Member {
    pub key: String,
    pub span: Span,
    pub value: SpanTree,
}

impl SpanTree {
    pub fn leaf(span: Span) -> SpanTree {
        SpanTree {
            span,
            kids: Kids::Leaf,
            used_at: None,
        }
    }

    /// The member `key` (the last one written, as a JSON reader keeps it).
    pub fn member(&self, key: &str) -> Option<&Member> {
        match &self.kids {
            Kids::Members(ms) => ms.iter().rev().find(|m| m.key == key),
            _ => None,
        }
    }

    /// The elements, when written out.
    pub fn items(&self) -> Option<&[SpanTree]> {
        match &self.kids {
            Kids::Items(items) => Some(items),
            _ => None,
        }
    }

    /// The tree of a span-keeping JSON (or YAML) node in `file`.
    pub fn from_node(file: FileId, node: &json::Node) -> SpanTree {
        SpanTree::from_node_mapped(file, node, &|r: Range<usize>| r)
    }

    /// The tree of `node`, its spans moved by `map` (`json::parse` nests at most
    /// [`json::MAX_DEPTH`] levels, which bounds the recursion).
    fn from_node_mapped(
        file: FileId,
        node: &json::Node,
        map: &dyn Fn(Range<usize>) -> Range<usize>,
    ) -> SpanTree {
        let kids = match &node.kind {
            json::Kind::Array(items) => Kids::Items(
                items
                    .iter()
                    .map(|n| SpanTree::from_node_mapped(file, n, map))
                    .collect(),
            ),
            json::Kind::Object(props) => Kids::Members(
                props
                    .iter()
                    .map(|p| Member {
                        key: p.key.clone(),
                        span: Span::new(file, map(p.span())),
                        value: SpanTree::from_node_mapped(file, &p.value, map),
                    })
                    .collect(),
            ),
            _ => Kids::Leaf,
        };
        SpanTree {
            span: Span::new(file, map(node.span.clone())),
            kids,
            used_at: None,
        }
    }

    /// The tree of JSON `text` rendered from the source of `file` (a string literal, a heredoc),
    /// its offsets taken back to the file by `offsets`; `None` when the text is not JSON.
    pub fn from_text(file: FileId, text: &str, offsets: &OffsetMap) -> Option<SpanTree> {
        let node = json::parse(text).ok()?;
        Some(SpanTree::from_node_mapped(file, &node, &|r| offsets.map(r)))
    }
}

/// Offsets of a rendered text back to the source it was rendered from: runs copied one to one
/// (literal text) and runs that stand for a whole piece of source (an escape, an interpolation).
#[derive(Debug, Default, Clone)]
pub struct OffsetMap {
    /// Sorted by rendered offset, without overlaps.
    runs: Vec<Run>,
}

#[derive(Debug, Clone)]
struct Run {
    out: Range<usize>,
    src: Range<usize>,
    /// Byte for byte (`out` and `src` have the same length).
    exact: bool,
}

impl OffsetMap {
    pub fn new() -> OffsetMap {
        OffsetMap::default()
    }

    /// Rendered bytes `out` are source bytes `src`, one to one.
    pub fn copied(&mut self, out: usize, src: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.runs.last_mut() {
            if last.exact && last.out.end == out && last.src.end == src {
                last.out.end += len;
                last.src.end += len;
                return;
            }
        }
        self.runs.push(Run {
            out: out..out + len,
            src: src..src + len,
            exact: true,
        });
    }

    /// Rendered bytes `out` stand for source bytes `src` as a whole.
    pub fn replaced(&mut self, out: Range<usize>, src: Range<usize>) {
        self.runs.push(Run {
            out,
            src,
            exact: false,
        });
    }

    /// The map after one byte was inserted into the rendered text before each offset of `inserted`
    /// (sorted offsets of the text before the insertions); the inserted bytes stand for nothing.
    pub fn with_insertions(&self, inserted: &[usize]) -> OffsetMap {
        if inserted.is_empty() {
            return self.clone();
        }
        let mut runs = Vec::new();
        // Rebuild in the new text's offsets: each old run is cut where insertions fall.
        for r in &self.runs {
            let mut start = r.out.start;
            let mut src = r.src.start;
            let cuts: Vec<usize> = inserted
                .iter()
                .copied()
                .filter(|&at| at > r.out.start && at < r.out.end)
                .collect();
            let new_off = |old: usize| old + inserted.iter().filter(|&&at| at <= old).count();
            for at in cuts.into_iter().chain(std::iter::once(r.out.end)) {
                let len = at - start;
                if r.exact {
                    runs.push(Run {
                        out: new_off(start)..new_off(start) + len,
                        src: src..src + len,
                        exact: true,
                    });
                    src += len;
                } else {
                    runs.push(Run {
                        out: new_off(start)..new_off(start) + len,
                        src: r.src.clone(),
                        exact: false,
                    });
                }
                start = at;
            }
        }
        runs.sort_by_key(|r| r.out.start);
        OffsetMap { runs }
    }

    /// The source range for rendered range `r`.
    pub fn map(&self, r: Range<usize>) -> Range<usize> {
        let start = self.point(r.start, false);
        let end = self.point(r.end, true).max(start);
        start..end
    }

    /// The source offset of rendered offset `off`; `end` when it ends a range (a run standing for a
    /// piece of source then maps to the piece's end).
    fn point(&self, off: usize, end: bool) -> usize {
        // The run holding `off` (for an end, the run holding the byte before it).
        let probe = if end { off.saturating_sub(1) } else { off };
        let i = self.runs.partition_point(|r| r.out.end <= probe);
        match self.runs.get(i) {
            Some(r) if r.out.start <= probe => {
                if r.exact {
                    r.src.start + (off - r.out.start)
                } else if end {
                    r.src.end
                } else {
                    r.src.start
                }
            }
            // Between runs (an inserted quote): the nearest run before.
            _ => match i.checked_sub(1).and_then(|k| self.runs.get(k)) {
                Some(r) => r.src.end,
                None => self.runs.first().map_or(0, |r| r.src.start),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_tree_keeps_member_and_item_spans() {
        let text = r#"{"Statement": [{"Effect": "Allow"}, {"Principal": "*"}]}"#;
        let node = json::parse(text).expect("json");
        let t = SpanTree::from_node(FileId(3), &node);
        let st = t.member("Statement").expect("statement");
        let items = st.value.items().expect("items");
        let p = items[1].member("Principal").expect("principal");
        assert_eq!(&text[p.span.range.clone()], r#""Principal": "*""#);
        assert_eq!(p.span.file, FileId(3));
    }

    #[test]
    fn offsets_map_through_copied_and_replaced_runs() {
        // Source: `{"a": "${x}", "b": 1}` rendered as `{"a": "VALUE", "b": 1}`.
        let src = r#"{"a": "${x}", "b": 1}"#;
        let out = r#"{"a": "VALUE", "b": 1}"#;
        let mut m = OffsetMap::new();
        m.copied(0, 0, 7);
        m.replaced(7..12, 7..11);
        m.copied(12, 11, out.len() - 12);
        let t = SpanTree::from_text(FileId(0), out, &m).expect("json");
        let a = t.member("a").expect("a");
        assert_eq!(&src[a.span.range.clone()], r#""a": "${x}""#);
        let b = t.member("b").expect("b");
        assert_eq!(&src[b.span.range.clone()], r#""b": 1"#);
    }

    #[test]
    fn inserted_bytes_stand_for_nothing() {
        // `[X, 1]` where X (one byte, a hole) was quoted: `["X", 1]`.
        let mut m = OffsetMap::new();
        m.copied(0, 10, 1);
        m.replaced(1..2, 11..15);
        m.copied(2, 15, 4);
        let m = m.with_insertions(&[1, 2]);
        assert_eq!(m.map(1..4), 11..15);
        assert_eq!(m.map(6..7), 17..18);
    }
}
