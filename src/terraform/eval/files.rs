//! The functions that read files (`file`, `fileexists`, `fileset`, `filebase64`, `filemd5`,
//! `filesha1`, `filesha256`, `filesha512`, `filebase64sha256`, `filebase64sha512`,
//! `templatefile`), confined to the scanned directories and the file size limit; `abspath`, relative
//! to the root module; and `templatestring`, which renders a template given as a value.

use super::{Evaluator, Scope};
use crate::terraform::functions;
use crate::terraform::holes::HoleText;
use crate::terraform::value::Value;
use hcl_edit::template::Element;
use std::rc::Rc;

/// Where `file` and `templatefile` may read.
#[derive(Debug, Default)]
pub struct FileAccess {
    /// The root module's directory: relative paths resolve against it, as in Terraform.
    pub root_dir: std::path::PathBuf,
    /// Canonical scanned directories; a file outside them is not read. Empty: nothing is read.
    pub roots: Vec<std::path::PathBuf>,
    pub max_bytes: u64,
    /// Files whose text a document's locations point into (`file("policy.json")`), numbered from
    /// `first_id` in the order first met (`doc_files.rs`).
    pub read: super::doc_files::ReadFiles,
}

impl Evaluator<'_> {
    /// Lets `file` and `templatefile` read files under `roots` (canonical), relative paths resolving
    /// against the root module's directory.
    /// Files a document's locations point into get ids from `first_id` on (the scan's next free id).
    pub fn with_file_access(
        mut self,
        roots: Vec<std::path::PathBuf>,
        max_bytes: u64,
        first_id: u32,
    ) -> Self {
        let root_dir =
            std::path::absolute(&self.module.dir).unwrap_or_else(|_| self.module.dir.clone());
        self.files = Rc::new(FileAccess {
            root_dir,
            roots,
            max_bytes,
            read: super::doc_files::ReadFiles::starting_at(first_id),
        });
        self
    }

    /// `file(path)`: the text of a file under the scanned roots.
    pub(super) fn read_file(&self, path: &str) -> Result<String, String> {
        String::from_utf8(self.read_bytes(path)?)
            .map_err(|_| format!("file(\"{path}\") is not UTF-8 text"))
    }

    /// The path `path` resolves to: relative paths against the root module's directory.
    pub(super) fn resolve(&self, path: &str) -> std::path::PathBuf {
        let p = std::path::Path::new(path);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.files.root_dir.join(p)
        }
    }

    /// The bytes of a file under the scanned roots.
    fn read_bytes(&self, path: &str) -> Result<Vec<u8>, String> {
        let files = &self.files;
        if files.roots.is_empty() {
            return Err(format!("file(\"{path}\") is not read here"));
        }
        let real = std::fs::canonicalize(self.resolve(path))
            .map_err(|e| format!("file(\"{path}\") cannot be read: {e}"))?;
        if !files.roots.iter().any(|r| real.starts_with(r)) {
            return Err(format!(
                "file(\"{path}\") is outside the scanned directories and is not read"
            ));
        }
        let meta = std::fs::metadata(&real)
            .map_err(|e| format!("file(\"{path}\") cannot be read: {e}"))?;
        if meta.len() > files.max_bytes {
            return Err(format!(
                "file(\"{path}\") is larger than the file size limit"
            ));
        }
        std::fs::read(&real).map_err(|e| format!("file(\"{path}\") cannot be read: {e}"))
    }

    /// `fileset(path, pattern)`: the files under `path` (inside the scanned roots) whose path
    /// relative to it matches the glob `pattern`, sorted, with `/` separators.
    fn fileset(&self, dir: &str, pattern: &str) -> Result<Value, String> {
        /// Most directory entries looked at by one call.
        const MAX_ENTRIES: usize = 10_000;
        let files = &self.files;
        let base = std::fs::canonicalize(self.resolve(dir))
            .map_err(|e| format!("fileset(\"{dir}\") cannot be read: {e}"))?;
        if !files.roots.iter().any(|r| base.starts_with(r)) {
            return Err(format!(
                "fileset(\"{dir}\") is outside the scanned directories and is not read"
            ));
        }
        let glob = globset::GlobBuilder::new(pattern)
            .literal_separator(true)
            .backslash_escape(true)
            .build()
            .map_err(|_| format!("fileset pattern \"{pattern}\" is not valid"))?
            .compile_matcher();
        let mut out = Vec::new();
        let mut pending = vec![base.clone()];
        let mut seen = 0usize;
        while let Some(d) = pending.pop() {
            let entries = std::fs::read_dir(&d)
                .map_err(|e| format!("fileset(\"{dir}\") cannot be read: {e}"))?;
            for entry in entries.flatten() {
                seen += 1;
                if seen > MAX_ENTRIES || !self.step(1) {
                    return Err(format!(
                        "fileset(\"{dir}\") looks at more than {MAX_ENTRIES} files"
                    ));
                }
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                let path = entry.path();
                if kind.is_dir() {
                    pending.push(path);
                } else if kind.is_file() {
                    let Ok(rel) = path.strip_prefix(&base) else {
                        continue;
                    };
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    if glob.is_match(&rel) {
                        out.push(rel);
                    }
                }
            }
        }
        out.sort();
        Ok(Value::List(out.into_iter().map(Value::String).collect()))
    }

    /// Renders template `text` with only `vars` in scope (`templatefile`, `templatestring`).
    fn render_text(&self, what: &str, text: &str, vars: Option<&Value>) -> Value {
        let Ok(template) = hcl_edit::parser::parse_template(text) else {
            return self.unknown_because(format!("{what} is not a valid template"));
        };
        // The template sees only the variables it is given.
        let mut scope = Scope::default();
        match vars {
            Some(Value::Object(vars)) => {
                for (k, v) in vars {
                    scope.bind(k, v.clone());
                }
            }
            Some(Value::Null) | None => {}
            Some(_) => return Value::Unknown,
        }
        if let Some(Element::Interpolation(i)) = template.as_single_element() {
            return self.eval(&i.expr, &scope);
        }
        let mut out = HoleText::new();
        if self.render(&template, &scope, &mut out) {
            out.finish()
        } else {
            Value::Unknown
        }
    }

    /// The functions that read files, `abspath` and `templatestring`; `None` for other functions.
    pub(super) fn file_function(&self, name: &str, args: &[Value]) -> Option<Value> {
        let path = args.first().and_then(Value::as_str);
        Some(match (name, path) {
            ("file", Some(p)) => match self.read_file(p) {
                Ok(text) => Value::String(text),
                Err(why) => self.unknown_because(why),
            },
            ("fileexists", Some(p)) => match self.read_bytes(p) {
                Ok(_) => Value::Bool(true),
                Err(why) if why.contains("No such file") => Value::Bool(false),
                Err(why) => self.unknown_because(why),
            },
            ("templatefile", Some(p)) => match self.read_file(p) {
                Ok(text) => self.render_text(&format!("templatefile(\"{p}\")"), &text, args.get(1)),
                Err(why) => self.unknown_because(why),
            },
            ("templatestring", Some(text)) => {
                self.render_text("templatestring(…)", text, args.get(1))
            }
            ("fileset", Some(dir)) => match args.get(1).and_then(Value::as_str) {
                Some(pattern) => match self.fileset(dir, pattern) {
                    Ok(v) => v,
                    Err(why) => self.unknown_because(why),
                },
                None => Value::Unknown,
            },
            ("abspath", Some(p)) if self.files.root_dir.is_absolute() => Value::String(
                functions::filesystem::clean(&self.resolve(p).to_string_lossy()),
            ),
            ("abspath", Some(_)) => Value::Unknown,
            (
                "filebase64" | "filemd5" | "filesha1" | "filesha256" | "filesha512"
                | "filebase64sha256" | "filebase64sha512",
                Some(p),
            ) => match self.read_bytes(p) {
                Ok(bytes) if name == "filebase64" => Value::String(functions::encoding_b64(&bytes)),
                Ok(bytes) => match functions::hash::digest(&name["file".len()..], &bytes) {
                    Some(d) => Value::String(d),
                    None => Value::Unknown,
                },
                Err(why) => self.unknown_because(why),
            },
            (
                "file" | "fileexists" | "templatefile" | "templatestring" | "fileset" | "abspath"
                | "filebase64" | "filemd5" | "filesha1" | "filesha256" | "filesha512"
                | "filebase64sha256" | "filebase64sha512",
                None,
            ) => Value::Unknown,
            _ => return None,
        })
    }
}
