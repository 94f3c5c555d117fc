//! The source lines a diagnostic shows, prepared for a terminal.
//!
//! miette draws a snippet from a `SourceCode`. Handing it the whole file fails three ways: it reads
//! the file from the start for every label (slow on a 10 MB one-line plan), it cannot draw a column
//! past 65,535 (it panics), and it prints the file's bytes as they are (control characters, secrets).
//! [`Snippet`] is a small stand-in: only the lines around the labels, each line at most a window
//! around its labels (`…` where cut), control characters escaped, secret values masked, with the real
//! line numbers and columns reported to miette so the header and the gutter stay true.

use super::terminal;
use crate::source::SourceFile;
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::ops::Range;

/// Longest line shown, in characters; longer lines are cut to a window around their labels.
pub const MAX_COLUMNS: usize = 160;
/// Characters kept before the first label of a cut line.
const LEAD: usize = 40;
/// Lines between two labels shown rather than split into two snippets.
const MAX_GAP: usize = 8;
/// What replaces a secret value.
pub const MASK: &str = "****";

/// A few lines of one file, ready for miette.
#[derive(Debug)]
pub struct Snippet {
    name: String,
    text: String,
    /// Per line of `text`: where it starts in `text`, and its real 0-based line number.
    lines: Vec<(usize, usize)>,
    /// Label starts in `text` with their real 0-based line and column (columns count characters).
    starts: Vec<(usize, usize, usize)>,
}

/// The snippet of `file` for labels at `labels` (byte ranges; each is shown on its first line), with
/// `secrets` (sorted byte ranges) masked. Returns the labels' ranges in the snippet, in order.
pub fn build(
    file: &SourceFile,
    name: &str,
    labels: &[Range<usize>],
    secrets: &[Range<usize>],
) -> (Snippet, Vec<Range<usize>>) {
    let text: &str = &file.text;
    // The empty "line" after a final newline is not shown.
    let last_line = file
        .line_count()
        .saturating_sub(if text.ends_with('\n') { 2 } else { 1 });
    // Each label on its first line, snapped to character boundaries.
    let clipped: Vec<(usize, Range<usize>)> = labels
        .iter()
        .map(|r| {
            let start = floor_char(text, r.start.min(text.len()));
            let line = file.line_of(start);
            let line_end = file.line_range(line).end.max(start);
            let end = floor_char(text, r.end.clamp(start, line_end));
            (line, start..end)
        })
        .collect();

    // The lines to show: a line of context around each label, and the gaps between close labels.
    let mut shown: Vec<usize> = clipped
        .iter()
        .flat_map(|(l, _)| l.saturating_sub(1)..=(l + 1).min(last_line))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let mut filled = Vec::with_capacity(shown.len());
    for l in shown {
        if let Some(&prev) = filled.last() {
            if l > prev + 1 && l - prev <= MAX_GAP {
                filled.extend(prev + 1..l);
            }
        }
        filled.push(l);
    }

    let mut snippet = Snippet {
        name: name.to_string(),
        text: String::new(),
        lines: Vec::with_capacity(filled.len()),
        starts: Vec::new(),
    };
    let mut mapped = vec![0..0; clipped.len()];
    for &line in &filled {
        snippet.lines.push((snippet.text.len(), line));
        let range = file.line_range(line);
        let on_line: Vec<usize> = (0..clipped.len())
            .filter(|&i| clipped[i].0 == line)
            .collect();
        let window = window(
            text,
            &range,
            on_line.iter().map(|&i| clipped[i].1.start).min(),
        );
        // Positions whose place in the snippet is needed: every label start and end on this line.
        let mut wanted: Vec<usize> = on_line
            .iter()
            .flat_map(|&i| [clipped[i].1.start, clipped[i].1.end])
            .map(|p| p.clamp(window.start, window.end))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let places = snippet.push_line(text, &range, &window, &wanted, secrets);
        // Every line ends with a line break: miette shows an empty last line only when one follows.
        snippet.text.push('\n');
        for &i in &on_line {
            let r = &clipped[i].1;
            let at = |p: usize| {
                let p = p.clamp(window.start, window.end);
                wanted.iter().position(|&w| w == p).map_or(0, |k| places[k])
            };
            mapped[i] = at(r.start)..at(r.end);
            let column = text[range.start..r.start].chars().count();
            snippet.starts.push((mapped[i].start, line, column));
        }
    }
    (snippet, mapped)
}

/// The byte range of `line` to show: all of it when short, else about [`MAX_COLUMNS`] characters
/// starting a little before `anchor` (the first label on the line), or from the line's start.
fn window(text: &str, line: &Range<usize>, anchor: Option<usize>) -> Range<usize> {
    let body = &text[line.clone()];
    if body.len() <= MAX_COLUMNS || body.chars().take(MAX_COLUMNS + 1).count() <= MAX_COLUMNS {
        return line.clone();
    }
    let anchor = anchor.unwrap_or(line.start);
    let start = text[line.start..anchor]
        .char_indices()
        .rev()
        .take(LEAD)
        .last()
        .map_or(anchor, |(i, _)| line.start + i);
    let end = text[start..line.end]
        .char_indices()
        .nth(MAX_COLUMNS)
        .map_or(line.end, |(i, _)| start + i);
    start..end
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Snippet {
    /// Appends `window` of a line (escaped, secrets masked, `…` where cut) and returns where each of
    /// `wanted` (sorted byte offsets within the window) landed in the snippet.
    fn push_line(
        &mut self,
        text: &str,
        line: &Range<usize>,
        window: &Range<usize>,
        wanted: &[usize],
        secrets: &[Range<usize>],
    ) -> Vec<usize> {
        let mut places = Vec::with_capacity(wanted.len());
        let mut next = 0;
        if window.start > line.start {
            self.text.push('…');
        }
        let mut secret = secrets.partition_point(|s| s.end <= window.start);
        let mut in_mask = false;
        for (i, c) in text[window.clone()].char_indices() {
            let at = window.start + i;
            while next < wanted.len() && wanted[next] <= at {
                places.push(self.text.len());
                next += 1;
            }
            while secret < secrets.len() && secrets[secret].end <= at {
                secret += 1;
                in_mask = false;
            }
            if secret < secrets.len() && secrets[secret].start <= at {
                if !in_mask {
                    self.text.push_str(MASK);
                    in_mask = true;
                }
                continue;
            }
            in_mask = false;
            if c == '\n' || terminal::is_unsafe(c) {
                terminal::push_escaped(&mut self.text, c);
            } else {
                self.text.push(c);
            }
        }
        while next < wanted.len() {
            places.push(self.text.len());
            next += 1;
        }
        if window.end < line.end {
            self.text.push('…');
        }
        places
    }

    /// The index in `lines` of the line holding snippet offset `offset`.
    fn line_at(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|&(start, _)| start <= offset)
            .saturating_sub(1)
    }

    fn line_end(&self, k: usize) -> usize {
        self.lines.get(k + 1).map_or(self.text.len(), |&(s, _)| s)
    }

    /// Whether line `k + 1` of the snippet is the real line after line `k`.
    fn follows(&self, k: usize) -> bool {
        k + 1 < self.lines.len() && self.lines[k + 1].1 == self.lines[k].1 + 1
    }

    #[cfg(test)]
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() || self.lines.is_empty() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.line_at(start);
        let last = self.line_at(end.saturating_sub(1).max(start));
        // Context never crosses a gap between the lines kept.
        let mut from = first;
        for _ in 0..before {
            if from > 0 && self.follows(from - 1) {
                from -= 1;
            }
        }
        let mut to = last;
        for _ in 0..after {
            if self.follows(to) {
                to += 1;
            }
        }
        // miette joins two labels' snippets when the first one's lines reach the second: count the
        // lines up to the end of this run of consecutive lines, so close labels share one snippet
        // and far ones get their own.
        let mut run = to;
        while self.follows(run) {
            run += 1;
        }
        let (data_start, line, column) = if before == 0 {
            let (line, column) = self
                .starts
                .iter()
                .find(|s| s.0 == start)
                .map(|s| (s.1, s.2))
                .unwrap_or_else(|| {
                    let (line_start, line) = self.lines[first];
                    (line, self.text[line_start..start].chars().count())
                });
            (start, line, column)
        } else {
            (self.lines[from].0, self.lines[from].1, 0)
        };
        let data_end = self.line_end(to).max(data_start);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[data_start..data_end],
            (data_start, data_end - data_start).into(),
            line,
            column,
            self.lines[run].1 + 1 - line.min(self.lines[run].1),
        )))
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("t.json".into(), "t.json".into(), Arc::from(text))
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_label() {
        let mut text = String::from("{");
        for i in 0..20_000 {
            text.push_str(&format!("\"k{i}\":\"v\","));
        }
        let at = text.find("\"k15000\"").unwrap();
        text.push_str("\"end\":1}\n");
        let f = file(&text);
        let (s, labels) = build(&f, "t.json", &[at..at + 8], &[]);
        assert!(s.text().chars().count() <= MAX_COLUMNS + 3, "{}", s.text());
        assert!(s.text().starts_with('…') && s.text().ends_with("…\n"));
        assert_eq!(&s.text()[labels[0].clone()], "\"k15000\"");
        let c = s.read_span(&(labels[0].start, 8).into(), 0, 0).unwrap();
        assert_eq!(c.line(), 0);
        assert_eq!(c.column(), at);
    }

    #[test]
    fn control_characters_and_secrets_never_reach_the_snippet() {
        let text = "password = \"hunter2\"\nacl = \"public-read\"\nb = \"\u{1b}[2J\"\n";
        let f = file(text);
        let acl = text.find("acl").unwrap();
        let secret = text.find("hunter2").unwrap();
        let (s, labels) = build(&f, "t.tf", &[acl..acl + 19], &[secret..secret + 7]);
        assert!(!s.text().contains('\u{1b}') && !s.text().contains("hunter2"));
        assert!(s.text().contains("\u{241b}[2J") && s.text().contains("\"****\""));
        assert_eq!(&s.text()[labels[0].clone()], "acl = \"public-read\"");
    }

    #[test]
    fn an_empty_line_after_the_label_is_shown() {
        let f = file("a\nb = 1\n\nc\n");
        let (s, labels) = build(&f, "t.tf", &[2..7], &[]);
        let c = s.read_span(&(labels[0].start, 5).into(), 1, 1).unwrap();
        assert_eq!(std::str::from_utf8(c.data()).unwrap(), "a\nb = 1\n\n");
        assert_eq!(c.line(), 0);
    }

    #[test]
    fn far_labels_keep_their_real_line_numbers() {
        let text: String = (1..=100).map(|i| format!("line {i}\n")).collect();
        let f = file(&text);
        let a = text.find("line 5\n").unwrap();
        let b = text.find("line 90\n").unwrap();
        let (s, labels) = build(&f, "t.tf", &[a..a + 6, b..b + 7], &[]);
        assert_eq!(s.text().lines().count(), 6);
        let second = s.read_span(&(labels[1].start, 7).into(), 1, 1).unwrap();
        assert_eq!(second.line(), 88);
        assert_eq!(
            std::str::from_utf8(second.data()).unwrap(),
            "line 89\nline 90\nline 91\n"
        );
    }
}
