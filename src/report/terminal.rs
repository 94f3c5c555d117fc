//! What may reach a terminal: text from scanned files (snippets, names, values in messages) and file
//! names is shown with its control characters made visible, so a file cannot move the cursor, clear
//! the screen, recolour the report or reorder text (bidirectional overrides) for whoever reads it.
//!
//! Knows nothing of findings or formats: it maps characters.

use std::borrow::Cow;

/// Whether `c` must not be written to a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        // Bidirectional embeddings, overrides and isolates ("Trojan Source"), and the marks.
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Pushes the visible form of an unsafe character: its Unicode control picture for C0 controls and
/// DEL (`␛` for ESC: one column, so underlines stay aligned), `\u{…}` for the others.
pub fn push_escaped(out: &mut String, c: char) {
    match c as u32 {
        n @ 0..=0x1f => out.push(char::from_u32(0x2400 + n).unwrap_or('?')),
        0x7f => out.push('\u{2421}'),
        n => out.push_str(&format!("\\u{{{n:x}}}")),
    }
}

/// `s` with every unsafe character escaped; tabs and newlines are kept.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` on one line: escaped, and newlines shown as `␊` (for names and labels).
pub fn escape_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_unsafe(c) || c == '\n' {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_made_visible() {
        assert_eq!(escape("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(escape("\u{7}\u{8}\r"), "\u{2407}\u{2408}\u{240d}");
        assert_eq!(escape("x\u{9b}31m"), "x\\u{9b}31m");
        assert_eq!(escape("abc\u{202e}cba"), "abc\\u{202e}cba");
        assert_eq!(escape("tab\tand\nnewline"), "tab\tand\nnewline");
        assert!(matches!(escape("plain ✓ 中文"), Cow::Borrowed(_)));
        assert_eq!(escape_line("a\nb\u{1b}"), "a\u{240a}b\u{241b}");
    }
}
