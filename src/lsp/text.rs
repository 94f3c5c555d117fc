//! LSP positions (line, UTF-16 code unit) and byte offsets, both ways, and applying edits to a buffer.

use lsp_types::{Position, Range};

/// The byte offsets where lines start (after `\n`; a `\r\n` ends a line at its `\n`).
pub fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

/// The position of byte `offset` (clamped to the text and to a character boundary).
pub fn position(text: &str, starts: &[usize], offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = starts.partition_point(|&s| s <= offset).saturating_sub(1);
    let start = starts.get(line).copied().unwrap_or(0);
    let character = text
        .get(start..offset)
        .map_or(0, |s| s.encode_utf16().count());
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: u32::try_from(character).unwrap_or(u32::MAX),
    }
}

pub fn range(text: &str, starts: &[usize], bytes: &std::ops::Range<usize>) -> Range {
    Range {
        start: position(text, starts, bytes.start),
        end: position(text, starts, bytes.end),
    }
}

/// The byte offset of `pos`; a position past the end of its line is the line's end (before its line
/// break), a line past the end of the text is the end of the text.
pub fn offset(text: &str, starts: &[usize], pos: Position) -> usize {
    let Some(&start) = starts.get(pos.line as usize) else {
        return text.len();
    };
    let end = starts
        .get(pos.line as usize + 1)
        .map_or(text.len(), |&next| next - 1);
    let line = text.get(start..end).unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut units = 0u32;
    for (i, c) in line.char_indices() {
        if units >= pos.character {
            return start + i;
        }
        units += c.len_utf16() as u32;
    }
    start + line.len()
}

/// Applies an incremental change (or, without a range, replaces the whole text).
pub fn apply_change(text: &mut String, range: Option<Range>, new: &str) {
    match range {
        None => *text = new.to_string(),
        Some(r) => {
            let starts = line_starts(text);
            let a = offset(text, &starts, r.start);
            let b = offset(text, &starts, r.end).max(a);
            text.replace_range(a..b, new);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_round_trip() {
        // `é` is one UTF-16 unit and two bytes; `😀` is two units and four bytes.
        let text = "a = \"é😀x\"\r\nb = 1\n";
        let starts = line_starts(text);
        let x = text.find('x').unwrap_or(0);
        let p = position(text, &starts, x);
        assert_eq!((p.line, p.character), (0, 8));
        assert_eq!(offset(text, &starts, p), x);
        let b = text.find('b').unwrap_or(0);
        assert_eq!(position(text, &starts, b), Position::new(1, 0));
        // Past the end of a line: the line's end, before `\r\n`.
        assert_eq!(offset(text, &starts, Position::new(0, 99)), x + 2);
        assert_eq!(offset(text, &starts, Position::new(9, 0)), text.len());
    }

    #[test]
    fn incremental_changes() {
        let mut text = "é = 1\nb = 2\n".to_string();
        apply_change(
            &mut text,
            Some(Range::new(Position::new(0, 4), Position::new(0, 5))),
            "42",
        );
        assert_eq!(text, "é = 42\nb = 2\n");
        apply_change(&mut text, None, "x");
        assert_eq!(text, "x");
    }
}
