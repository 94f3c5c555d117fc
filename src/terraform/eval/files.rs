//! The functions that read files: `file`, `fileexists` and `templatefile`, confined to the scanned
//! directories and the file size limit.

use super::{Evaluator, Scope};
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
}

impl Evaluator<'_> {
    /// Lets `file` and `templatefile` read files under `roots` (canonical), relative paths resolving
    /// against the root module's directory.
    pub fn with_file_access(mut self, roots: Vec<std::path::PathBuf>, max_bytes: u64) -> Self {
        let root_dir =
            std::path::absolute(&self.module.dir).unwrap_or_else(|_| self.module.dir.clone());
        self.files = Rc::new(FileAccess {
            root_dir,
            roots,
            max_bytes,
        });
        self
    }

    /// `file(path)`: the text of a file under the scanned roots.
    fn read_file(&self, path: &str) -> Result<String, String> {
        let files = &self.files;
        if files.roots.is_empty() {
            return Err(format!("file(\"{path}\") is not read here"));
        }
        let p = std::path::Path::new(path);
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            files.root_dir.join(p)
        };
        let real = std::fs::canonicalize(&p)
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
        std::fs::read_to_string(&real).map_err(|e| format!("file(\"{path}\") cannot be read: {e}"))
    }

    /// `file`, `fileexists` and `templatefile`, which read files; `None` for other functions.
    pub(super) fn file_function(&self, name: &str, args: &[Value]) -> Option<Value> {
        let path = args.first().and_then(Value::as_str);
        Some(match (name, path) {
            ("file", Some(p)) => match self.read_file(p) {
                Ok(text) => Value::String(text),
                Err(why) => self.unknown_because(why),
            },
            ("fileexists", Some(p)) => match self.read_file(p) {
                Ok(_) => Value::Bool(true),
                Err(why) if why.contains("No such file") => Value::Bool(false),
                Err(why) => self.unknown_because(why),
            },
            ("templatefile", Some(p)) => {
                let text = match self.read_file(p) {
                    Ok(text) => text,
                    Err(why) => return Some(self.unknown_because(why)),
                };
                let Ok(template) = hcl_edit::parser::parse_template(&text) else {
                    return Some(self.unknown_because(format!(
                        "templatefile(\"{p}\") is not a valid template"
                    )));
                };
                // The template sees only the variables it is given.
                let mut scope = Scope::default();
                match args.get(1) {
                    Some(Value::Object(vars)) => {
                        for (k, v) in vars {
                            scope.bind(k, v.clone());
                        }
                    }
                    Some(Value::Null) | None => {}
                    Some(_) => return Some(Value::Unknown),
                }
                if let Some(Element::Interpolation(i)) = template.as_single_element() {
                    return Some(self.eval(&i.expr, &scope));
                }
                let mut out = String::new();
                if self.render(&template, &scope, &mut out) {
                    Value::String(out)
                } else {
                    Value::Unknown
                }
            }
            ("file" | "fileexists" | "templatefile", None) => Value::Unknown,
            _ => return None,
        })
    }
}
