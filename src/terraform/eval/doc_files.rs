//! Documents read from files: where the parts of a policy document that `file("policy.json")` or
//! `templatefile("policy.json.tpl", {…})` reads are written in that file. The file becomes a source
//! of its own, numbered after the scan's files by [`ReadFiles`], so a finding on a statement points
//! into it, with a second label at the call that reads it.
//!
//! A template maps through its literal text byte for byte and each `${…}` as the interpolation it
//! is (the same rendering as a heredoc's); a template with `%{…}` directives, or whose text is not
//! JSON, is not mapped, and findings stay at the attribute.

use super::{Evaluator, Scope};
use crate::json_spans::SpanTree;
use crate::source::{FileId, Span};
use crate::terraform::value::Value;
use hcl_edit::expr::FuncCall;
use hcl_edit::template::Element;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The files a root module's documents point into, with the ids they have until the scan numbers
/// them among its own files: `first_id`, `first_id + 1`, … in the order first met.
#[derive(Debug, Default)]
pub struct ReadFiles {
    first_id: u32,
    files: RefCell<Vec<(PathBuf, Arc<str>)>>,
}

impl ReadFiles {
    pub fn starting_at(first_id: u32) -> ReadFiles {
        ReadFiles {
            first_id,
            files: RefCell::default(),
        }
    }

    /// The id `path` has, or will have once added.
    fn id_for(&self, path: &Path) -> FileId {
        let files = self.files.borrow();
        let k = files
            .iter()
            .position(|(p, _)| p == path)
            .unwrap_or(files.len());
        FileId(self.first_id.saturating_add(k as u32))
    }

    /// Adds `path` with `text`, unless it is already there.
    fn add(&self, path: PathBuf, text: Arc<str>) {
        let mut files = self.files.borrow_mut();
        if !files.iter().any(|(p, _)| *p == path) {
            files.push((path, text));
        }
    }

    /// The files added, in id order (from `first_id`).
    pub fn take(&self) -> Vec<(PathBuf, Arc<str>)> {
        std::mem::take(&mut *self.files.borrow_mut())
    }
}

impl Evaluator<'_> {
    /// The files documents point into, in id order from the first id given to `with_file_access`.
    pub fn take_read_files(&self) -> Vec<(PathBuf, Arc<str>)> {
        self.files.read.take()
    }

    /// Where the document `file(path)` or `templatefile(path, vars)` (at `here`) reads is written in
    /// the file it reads; `None` when the file cannot be read or its text does not map.
    pub(super) fn read_file_tree(
        &self,
        call: &FuncCall,
        scope: &Scope,
        here: Span,
        depth: usize,
    ) -> Option<SpanTree> {
        let mut args = call.args.iter();
        let p = self.eval(args.next()?, scope);
        let p = p.as_str()?;
        let text: Arc<str> = Arc::from(self.read_file(p).ok()?);
        let path = crate::terraform::module::normalize(&self.resolve(p));
        let id = self.files.read.id_for(&path);
        let tree = match (call.name.name.as_str(), call.args.len()) {
            ("file", 1) => SpanTree::from_node(id, &crate::json::parse(&text).ok()?),
            ("templatefile", 2) => {
                let vars = self.eval(args.next()?, scope);
                // The template sees only the variables it is given, as when it was rendered.
                let mut vars_scope = Scope::default();
                match &vars {
                    Value::Object(vars) => {
                        for (k, v) in vars {
                            vars_scope.bind(k, v.clone());
                        }
                    }
                    Value::Null => {}
                    _ => return None,
                }
                let template = hcl_edit::parser::parse_template(&text).ok()?;
                // `${jsonencode({…})}` (and white space around it): the object written there.
                let mut parts = template
                    .iter()
                    .filter(|e| !matches!(e, Element::Literal(s) if s.value().trim().is_empty()));
                match (parts.next(), parts.next()) {
                    (Some(Element::Interpolation(i)), None) => {
                        self.doc_tree(id, &i.expr, &vars_scope, depth + 1)?
                    }
                    _ => self.template_tree_in(&text, id, &template, &vars_scope, false)?,
                }
            }
            _ => return None,
        };
        self.files.read.add(path, text);
        Some(SpanTree {
            used_at: Some(here),
            ..tree
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::part_spans;
    use crate::source::SourceFile;
    use crate::terraform::module::Module;
    use crate::terraform::parse::parse;

    const POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": ["sqs:SendMessage"]
    }
  ]
}
"#;

    /// Where statement parts of `main.tf`'s `r.policy` are written, with `files` in its directory:
    /// (model path, file id, first line (1-based) in that file's text), and the files read.
    fn parts(main: &str, files: &[(&str, &str)]) -> (Vec<(String, u32, usize)>, Vec<PathBuf>) {
        let dir = tempfile::tempdir().expect("tempdir");
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        let src = SourceFile::new(root.join("main.tf"), "main.tf".into(), Arc::from(main));
        let parsed = parse(FileId(0), &src).expect("parse");
        let module = Module::new([&parsed]).in_dir(root.clone());
        let ev = Evaluator::new(&module).with_file_access(vec![root.clone()], 1 << 20, 7);
        let res = module.resources.first().expect("resource");
        let attr = res.block.body.get_attribute("policy").expect("policy");
        let value = ev.eval(&attr.value, &Scope::default());
        let Some(tree) = ev.document_tree(FileId(0), &attr.value, &Scope::default()) else {
            return (
                Vec::new(),
                ev.take_read_files().into_iter().map(|(p, _)| p).collect(),
            );
        };
        let json: serde_json::Value = match &value {
            Value::String(s) => serde_json::from_str(s).expect("json"),
            other => other.to_json().expect("json value"),
        };
        let read = ev.take_read_files();
        let text_of = |f: FileId| -> String {
            if f == FileId(0) {
                main.to_string()
            } else {
                read[(f.0 - 7) as usize].1.to_string()
            }
        };
        let out = part_spans(&json, &tree)
            .into_iter()
            .map(|(path, span, used)| {
                let used = used.expect("used at");
                assert_eq!(used.file, FileId(0));
                let text = text_of(span.file);
                let line = text[..span.range.start].matches('\n').count() + 1;
                (path, span.file.0, line)
            })
            .collect();
        (out, read.into_iter().map(|(p, _)| p).collect())
    }

    fn at<'p>(parts: &'p [(String, u32, usize)], path: &str) -> Option<&'p (String, u32, usize)> {
        parts.iter().find(|(p, _, _)| p == path)
    }

    #[test]
    fn a_file_read_with_file_is_where_its_statements_point() {
        let main = "resource \"aws_iam_policy\" \"p\" {\n  policy = file(\"${path.module}/policy.json\")\n}\n";
        let (parts, read) = parts(main, &[("policy.json", POLICY)]);
        assert_eq!(read.len(), 1);
        assert!(read[0].ends_with("policy.json"));
        assert_eq!(
            at(&parts, "statements[0]").map(|p| (p.1, p.2)),
            Some((7, 4))
        );
        assert_eq!(
            at(&parts, "statements[1].principals").map(|p| (p.1, p.2)),
            Some((7, 11))
        );
        assert_eq!(
            at(&parts, "statements[1].actions[0]").map(|p| (p.1, p.2)),
            Some((7, 12))
        );
    }

    #[test]
    fn a_template_maps_around_its_interpolations() {
        // The interpolation before the second statement renders to two lines: the mapping goes by
        // offsets, so the statement after it is still on its own line in the template.
        let tpl = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    ${first},\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Action\": \"sqs:SendMessage\",\n      \"Resource\": \"${arn}\"\n    }\n  ]\n}\n";
        let main = "resource \"aws_iam_policy\" \"p\" {\n  policy = templatefile(\"p.json.tpl\", {\n    arn   = \"arn:aws:sqs:::q\"\n    first = \"{\\n\\\"Effect\\\": \\\"Allow\\\", \\\"Action\\\": \\\"s3:GetObject\\\", \\\"Resource\\\": \\\"*\\\"}\"\n  })\n}\n";
        let (parts, read) = parts(main, &[("p.json.tpl", tpl)]);
        assert_eq!(read.len(), 1);
        // The first statement is the interpolation, on line 4.
        assert_eq!(
            at(&parts, "statements[0]").map(|p| (p.1, p.2)),
            Some((7, 4))
        );
        assert_eq!(
            at(&parts, "statements[1].principals").map(|p| (p.1, p.2)),
            Some((7, 7))
        );
    }

    #[test]
    fn a_template_of_jsonencode_points_at_its_object() {
        let tpl = "${jsonencode({\n  Version = \"2012-10-17\"\n  Statement = [{\n    Effect    = \"Allow\"\n    Principal = \"*\"\n    Action    = [\"sqs:SendMessage\"]\n  }]\n})}\n";
        let main =
            "resource \"aws_iam_policy\" \"p\" {\n  policy = templatefile(\"p.tpl\", {})\n}\n";
        let (parts, _) = parts(main, &[("p.tpl", tpl)]);
        assert_eq!(
            at(&parts, "statements[0].principals").map(|p| (p.1, p.2)),
            Some((7, 5))
        );
    }

    #[test]
    fn templates_with_directives_and_text_that_is_not_json_are_not_mapped() {
        let tpl = "{\"Statement\": [%{ for a in arns }{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"${a}\"}%{ endfor }]}";
        let main = "resource \"aws_iam_policy\" \"p\" {\n  policy = templatefile(\"p.tpl\", { arns = [\"x\"] })\n}\n";
        let (found, read) = parts(main, &[("p.tpl", tpl)]);
        assert!(found.is_empty());
        assert!(read.is_empty());
        let main = "resource \"aws_iam_policy\" \"p\" {\n  policy = file(\"p.txt\")\n}\n";
        let (found, read) = parts(main, &[("p.txt", "{not json")]);
        assert!(found.is_empty() && read.is_empty());
    }

    #[test]
    fn a_file_outside_the_scanned_directories_is_not_mapped() {
        let main = "resource \"aws_iam_policy\" \"p\" {\n  policy = file(\"/etc/hostname\")\n}\n";
        let (parts, read) = parts(main, &[]);
        assert!(parts.is_empty() && read.is_empty());
    }
}
