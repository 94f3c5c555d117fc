//! Values for a module's input variables from outside its `.tf` files: `TF_VAR_name` environment
//! variables, `terraform.tfvars[.json]` and `*.auto.tfvars[.json]` beside the module, and `--var-file` /
//! `--var` on the command line, merged in Terraform's precedence order (later wins).

use super::parse;
use super::value::Value;
use crate::finding::ScanError;
use crate::source::{FileId, SourceFile, SourceMap, Span};
use std::collections::HashMap;

/// Where a variable's value came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// An assignment in a tfvars file (the span of the assignment).
    File(Span),
    /// `--var name=value`.
    Flag,
    /// `TF_VAR_name`.
    Env,
}

/// A value given from outside. `Raw` values (flags and environment) are strings that Terraform
/// converts by the variable's declared type; file values are already typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    Raw(String),
    Typed(Value),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub value: Given,
    pub origin: Origin,
    /// Where the given value itself came from (for a module argument: the caller's variables).
    pub upstream: Vec<crate::finding::Trace>,
}

/// Variable name → the value that wins.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub values: HashMap<String, Input>,
}

impl Inputs {
    /// Overlays `other`: its values win.
    pub fn overlay(&mut self, other: &Inputs) {
        for (k, v) in &other.values {
            self.values.insert(k.clone(), v.clone());
        }
    }

    pub fn from_env(env: &[(String, String)]) -> Inputs {
        let mut out = Inputs::default();
        for (k, v) in env {
            if let Some(name) = k.strip_prefix("TF_VAR_") {
                out.set(name, Given::Raw(v.clone()), Origin::Env);
            }
        }
        out
    }

    /// `name=value` pairs from `--var`.
    pub fn from_flags(flags: &[(String, String)]) -> Inputs {
        let mut out = Inputs::default();
        for (k, v) in flags {
            out.set(k, Given::Raw(v.clone()), Origin::Flag);
        }
        out
    }

    fn set(&mut self, name: &str, value: Given, origin: Origin) {
        self.values.insert(
            name.to_string(),
            Input {
                value,
                origin,
                upstream: Vec::new(),
            },
        );
    }

    /// Reads a tfvars file: HCL (`name = value`, literals only) or JSON (an object) by its name.
    pub fn from_file(id: FileId, file: &SourceFile) -> Result<Inputs, ScanError> {
        let mut out = Inputs::default();
        let name = file.path.to_string_lossy();
        if name.ends_with(".json") {
            let doc = crate::json::parse(&file.text).map_err(|e| {
                ScanError::parse(
                    Span::new(id, e.span),
                    format!("variable file is not valid JSON: {}", e.message),
                )
            })?;
            if !matches!(doc.kind, crate::json::Kind::Object(_)) {
                return Err(ScanError::parse(
                    Span::new(id, doc.span),
                    "variable file must hold a JSON object of variable values".into(),
                ));
            }
            for p in doc.props() {
                out.set(
                    &p.key,
                    Given::Typed(Value::from_json(&p.value.to_json())),
                    Origin::File(Span::new(id, p.span())),
                );
            }
            return Ok(out);
        }
        let parsed = parse::parse(id, file)?;
        // Values in a tfvars file cannot refer to anything: evaluate them with an empty module.
        let module = super::module::Module::default();
        let ev = super::eval::Evaluator::new(&module);
        for attr in parsed.body.attributes() {
            let value = ev.eval_at(id, &attr.value);
            out.set(
                attr.key.as_str(),
                Given::Typed(value),
                Origin::File(Span::new(id, parse::attribute(attr))),
            );
        }
        Ok(out)
    }

    /// Reads tfvars files in order (later wins); unreadable ones are reported and skipped.
    pub fn from_files(
        sources: &SourceMap,
        files: &[FileId],
        errors: &mut Vec<ScanError>,
    ) -> Inputs {
        let mut out = Inputs::default();
        for &id in files {
            match Inputs::from_file(id, sources.get(id)) {
                Ok(inputs) => out.overlay(&inputs),
                Err(e) => errors.push(e),
            }
        }
        out
    }
}

/// The primitive type a variable declares, used to convert raw strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclaredType {
    String,
    Number,
    Bool,
    /// Anything else (collections, `any`) or not declared.
    Other,
}

/// Converts a given value to the declared type as Terraform does; a raw string for a collection type
/// is parsed as an HCL expression.
pub fn convert(given: &Given, ty: DeclaredType) -> Value {
    match (given, ty) {
        (Given::Raw(s), DeclaredType::String) => Value::String(s.clone()),
        (Given::Raw(s), DeclaredType::Number) => {
            s.trim().parse().map_or(Value::Unknown, Value::Number)
        }
        (Given::Raw(s), DeclaredType::Bool) => match s.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::Unknown,
        },
        (Given::Raw(s), DeclaredType::Other) => {
            let t = s.trim_start();
            if t.starts_with('[') || t.starts_with('{') {
                match hcl_edit::parser::parse_expr(s) {
                    Ok(expr) => {
                        let module = super::module::Module::default();
                        super::eval::Evaluator::new(&module).eval_top(&expr)
                    }
                    Err(_) => Value::Unknown,
                }
            } else {
                Value::String(s.clone())
            }
        }
        (Given::Typed(v), DeclaredType::String) => v
            .to_template_string()
            .map_or_else(|| v.clone(), Value::String),
        (Given::Typed(v), DeclaredType::Number) => {
            v.as_number().map_or(Value::Unknown, Value::Number)
        }
        (Given::Typed(v), DeclaredType::Bool) => v.as_bool().map_or(Value::Unknown, Value::Bool),
        (Given::Typed(v), DeclaredType::Other) => v.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile::new(name.into(), name.into(), Arc::from(text))
    }

    #[test]
    fn hcl_and_json_variable_files() {
        let hcl = Inputs::from_file(
            FileId(0),
            &file("a.tfvars", "acl = \"public-read\"\nports = [22]\n"),
        )
        .expect("reads");
        assert_eq!(
            hcl.values["acl"].value,
            Given::Typed(Value::str("public-read"))
        );
        let json = Inputs::from_file(FileId(1), &file("a.tfvars.json", "{\"encrypted\": false}"))
            .expect("reads");
        assert_eq!(
            json.values["encrypted"].value,
            Given::Typed(Value::Bool(false))
        );
        assert!(Inputs::from_file(FileId(2), &file("b.tfvars.json", "[1]")).is_err());
        let err = Inputs::from_file(FileId(3), &file("c.tfvars", "acl = \n")).expect_err("bad");
        assert!(err.message.contains("syntax error"));
    }

    #[test]
    fn raw_values_follow_the_declared_type() {
        let raw = |s: &str| Given::Raw(s.to_string());
        assert_eq!(
            convert(&raw("22"), DeclaredType::Number),
            Value::Number(22.0)
        );
        assert_eq!(convert(&raw("22"), DeclaredType::String), Value::str("22"));
        assert_eq!(
            convert(&raw("false"), DeclaredType::Bool),
            Value::Bool(false)
        );
        assert_eq!(
            convert(&raw("[\"a\", \"b\"]"), DeclaredType::Other),
            Value::List(vec![Value::str("a"), Value::str("b")])
        );
        assert_eq!(
            convert(&Given::Typed(Value::str("true")), DeclaredType::Bool),
            Value::Bool(true)
        );
    }

    #[test]
    fn later_sources_win() {
        let mut inputs = Inputs::from_env(&[
            ("TF_VAR_acl".into(), "private".into()),
            ("HOME".into(), "/".into()),
        ]);
        assert_eq!(inputs.values.len(), 1);
        inputs.overlay(&Inputs::from_flags(&[("acl".into(), "public-read".into())]));
        assert_eq!(inputs.values["acl"].value, Given::Raw("public-read".into()));
        assert_eq!(inputs.values["acl"].origin, Origin::Flag);
    }
}
