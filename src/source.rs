//! Source files and byte spans.
//!
//! Knows nothing of formats or clouds: a `SourceFile` is a path, its text and a line index, and a `Span` is
//! a byte range in one file. Everything that points at code (findings, errors, traces) uses these.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    pub range: Range<usize>,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span { file, range }
    }
}

/// One file that was read: its path as given (for display), its text, and where each line starts.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Path for reports: relative to the working directory when under it, with `/` separators.
    pub display: String,
    pub text: Arc<str>,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (columns count Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: PathBuf, display: String, text: Arc<str>) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            display,
            text,
            line_starts,
        }
    }

    /// Line and column of a byte offset (clamped to the text, snapped back to a char boundary).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// Number of lines (a text ending in a newline has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line of a byte offset (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset.min(self.text.len())) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of 0-based line `line`, without its line break (`\n` or `\r\n`).
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let Some(&start) = self.line_starts.get(line) else {
            return self.text.len()..self.text.len();
        };
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// The part of `range` on its first line, without trailing whitespace: what a diagnostic underlines
    /// for a multi-line attribute such as `policy = jsonencode({`.
    pub fn first_line(&self, range: &Range<usize>) -> Range<usize> {
        let mut start = range.start.min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = range.end.clamp(start, self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let line = self.text[start..end].split('\n').next().unwrap_or("");
        start..start + line.trim_end().len()
    }
}

/// Every file read in one scan, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId((self.files.len() - 1) as u32)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }
}

/// The path to show for `path`: relative to `cwd` when under it, always with `/`.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let Ok(rel) = path.strip_prefix(cwd).or_else(|_| path.strip_prefix(".")) else {
        if path.is_absolute() {
            return os_text(path.as_os_str()).replace('\\', "/");
        }
        return relative(path);
    };
    relative(rel)
}

fn relative(rel: &Path) -> String {
    let s: Vec<String> = rel.components().map(|c| os_text(c.as_os_str())).collect();
    if s.is_empty() {
        ".".to_string()
    } else {
        s.join("/")
    }
}

/// A file name as text: bytes that are not UTF-8 are written `\xNN`, so two such names stay apart
/// and the reader can tell which file it is.
fn os_text(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("t.tf".into(), "t.tf".into(), Arc::from(text))
    }

    #[test]
    fn line_col_is_one_based_and_counts_chars() {
        let f = file("ab\nçd = 1\n");
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // 'ç' is two bytes: offset 5 is 'd', the second character.
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 2 });
        assert_eq!(f.line_col(999), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn first_line_of_a_multi_line_span() {
        let f = file("policy = jsonencode({\n  x = 1\n})\n");
        let h = f.first_line(&(0..f.text.len()));
        assert_eq!(&f.text[h], "policy = jsonencode({");
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_show_their_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"vol\xff\xfe.tf");
        assert_eq!(
            display_path(Path::new(name), Path::new("/w")),
            "vol\\xff\\xfe.tf"
        );
    }

    #[test]
    fn display_path_is_relative_with_slashes() {
        let cwd = Path::new("/work/p");
        assert_eq!(display_path(Path::new("/work/p/a/b.tf"), cwd), "a/b.tf");
        assert_eq!(display_path(Path::new("/else/b.tf"), cwd), "/else/b.tf");
        assert_eq!(
            display_path(Path::new("./x/y.tf"), Path::new("/w")),
            "x/y.tf"
        );
    }
}
