//! Values for a module's input variables from outside its `.tf` files: `TF_VAR_name` environment
//! variables, `terraform.tfvars[.json]` and `*.auto.tfvars[.json]` beside the module, and `--var-file` /
//! `--var` on the command line, merged in Terraform's precedence order (later wins).

use super::parse;
use super::value::Value;
use crate::finding::ScanError;
use crate::source::{FileId, SourceFile, SourceMap, Span};
use hcl_edit::expr::{Expression, ObjectKey};
use std::collections::{BTreeMap, HashMap};

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

/// A variable's type constraint (`type = …`), used to convert the values given for it as Terraform
/// does, and to fill in the defaults of `optional(…)` object attributes.
#[derive(Debug, Clone, PartialEq)]
pub enum DeclaredType {
    String,
    Number,
    Bool,
    List(Box<DeclaredType>),
    Set(Box<DeclaredType>),
    Map(Box<DeclaredType>),
    Tuple(Vec<DeclaredType>),
    Object(BTreeMap<String, ObjectAttr>),
    /// `any`, a type preflight does not model, or none declared: values are taken as they are.
    Any,
}

/// One attribute of an `object({…})` type.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectAttr {
    pub ty: DeclaredType,
    /// Written `optional(type)` or `optional(type, default)`.
    pub optional: bool,
    pub default: Option<Value>,
}

impl DeclaredType {
    /// Reads a type expression; `constant` evaluates the default of an `optional(type, default)`.
    pub fn parse(expr: &Expression, constant: &dyn Fn(&Expression) -> Value) -> DeclaredType {
        match expr {
            Expression::Variable(v) => match v.as_str() {
                "string" => DeclaredType::String,
                "number" => DeclaredType::Number,
                "bool" => DeclaredType::Bool,
                _ => DeclaredType::Any,
            },
            Expression::Parenthesis(p) => DeclaredType::parse(p.inner(), constant),
            Expression::FuncCall(f) => {
                let arg = |i: usize| f.args.iter().nth(i);
                let inner = |i| {
                    Box::new(arg(i).map_or(DeclaredType::Any, |e| DeclaredType::parse(e, constant)))
                };
                match f.name.name.as_str() {
                    "list" => DeclaredType::List(inner(0)),
                    "set" => DeclaredType::Set(inner(0)),
                    "map" => DeclaredType::Map(inner(0)),
                    "tuple" => match arg(0) {
                        Some(Expression::Array(items)) => DeclaredType::Tuple(
                            items
                                .iter()
                                .map(|e| DeclaredType::parse(e, constant))
                                .collect(),
                        ),
                        _ => DeclaredType::Any,
                    },
                    "object" => match arg(0) {
                        Some(Expression::Object(o)) => DeclaredType::Object(
                            o.iter()
                                .filter_map(|(k, v)| {
                                    let key = match k {
                                        ObjectKey::Ident(i) => i.as_str().to_string(),
                                        ObjectKey::Expression(e) => e.as_str()?.to_string(),
                                    };
                                    Some((key, ObjectAttr::parse(v.expr(), constant)))
                                })
                                .collect(),
                        ),
                        _ => DeclaredType::Any,
                    },
                    _ => DeclaredType::Any,
                }
            }
            _ => DeclaredType::Any,
        }
    }

    /// A value converted to this type: primitives converted, collections converted element by element,
    /// objects reduced to the declared attributes with optional ones filled in. Unknown parts stay
    /// unknown, and so does a value Terraform would refuse.
    pub fn coerce(&self, v: &Value) -> Value {
        if matches!(
            v,
            Value::Unknown | Value::Ref(_) | Value::Json(_) | Value::Null
        ) {
            return v.clone();
        }
        match self {
            DeclaredType::Any => v.clone(),
            DeclaredType::String => v.to_template_string().map_or(Value::Unknown, Value::String),
            DeclaredType::Number => v.as_number().map_or(Value::Unknown, Value::Number),
            DeclaredType::Bool => v.as_bool().map_or(Value::Unknown, Value::Bool),
            DeclaredType::List(t) | DeclaredType::Set(t) => match v {
                Value::List(items) => {
                    let mut items: Vec<Value> = items.iter().map(|i| t.coerce(i)).collect();
                    if matches!(self, DeclaredType::Set(_)) {
                        super::functions::dedup(&mut items);
                    }
                    Value::List(items)
                }
                _ => Value::Unknown,
            },
            DeclaredType::Map(t) => match v {
                Value::Object(m) => {
                    Value::Object(m.iter().map(|(k, x)| (k.clone(), t.coerce(x))).collect())
                }
                _ => Value::Unknown,
            },
            DeclaredType::Tuple(ts) => match v {
                Value::List(items) if items.len() == ts.len() => {
                    Value::List(ts.iter().zip(items).map(|(t, i)| t.coerce(i)).collect())
                }
                _ => Value::Unknown,
            },
            DeclaredType::Object(attrs) => {
                let Value::Object(m) = v else {
                    return Value::Unknown;
                };
                let mut out = BTreeMap::new();
                for (name, a) in attrs {
                    let value = match m.get(name) {
                        Some(Value::Null) | None if a.optional => {
                            a.default.as_ref().map_or(Value::Null, |d| a.ty.coerce(d))
                        }
                        Some(x) => a.ty.coerce(x),
                        // A required attribute left out: Terraform refuses the value.
                        None => return Value::Unknown,
                    };
                    out.insert(name.clone(), value);
                }
                Value::Object(out)
            }
        }
    }
}

impl ObjectAttr {
    fn parse(expr: &Expression, constant: &dyn Fn(&Expression) -> Value) -> ObjectAttr {
        match expr {
            Expression::FuncCall(f) if f.name.name.as_str() == "optional" => {
                let mut args = f.args.iter();
                ObjectAttr {
                    ty: args
                        .next()
                        .map_or(DeclaredType::Any, |e| DeclaredType::parse(e, constant)),
                    optional: true,
                    default: args.next().map(constant),
                }
            }
            other => ObjectAttr {
                ty: DeclaredType::parse(other, constant),
                optional: false,
                default: None,
            },
        }
    }
}

/// Converts a given value to the declared type as Terraform does; a raw string (`--var`, `TF_VAR_`)
/// for a collection type is parsed as an HCL expression first.
pub fn convert(given: &Given, ty: &DeclaredType) -> Value {
    match (given, ty) {
        (Given::Raw(s), DeclaredType::String | DeclaredType::Number | DeclaredType::Bool) => {
            ty.coerce(&Value::String(s.clone()))
        }
        (Given::Raw(s), _) => {
            let t = s.trim_start();
            if t.starts_with('[') || t.starts_with('{') {
                match hcl_edit::parser::parse_expr(s) {
                    Ok(expr) => {
                        let module = super::module::Module::default();
                        ty.coerce(&super::eval::Evaluator::new(&module).eval_top(&expr))
                    }
                    Err(_) => Value::Unknown,
                }
            } else if *ty == DeclaredType::Any {
                Value::String(s.clone())
            } else {
                Value::Unknown
            }
        }
        (Given::Typed(v), _) => ty.coerce(v),
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
            convert(&raw("22"), &DeclaredType::Number),
            Value::Number(22.0)
        );
        assert_eq!(convert(&raw("22"), &DeclaredType::String), Value::str("22"));
        assert_eq!(
            convert(&raw("false"), &DeclaredType::Bool),
            Value::Bool(false)
        );
        assert_eq!(
            convert(&raw("[\"a\", \"b\"]"), &DeclaredType::Any),
            Value::List(vec![Value::str("a"), Value::str("b")])
        );
        assert_eq!(
            convert(&Given::Typed(Value::str("true")), &DeclaredType::Bool),
            Value::Bool(true)
        );
    }

    fn ty(text: &str) -> DeclaredType {
        let expr = hcl_edit::parser::parse_expr(text).expect("type expression");
        let module = super::super::module::Module::default();
        let ev = super::super::eval::Evaluator::new(&module);
        DeclaredType::parse(&expr, &|e| ev.eval_top(e))
    }

    fn value(text: &str) -> Value {
        let expr = hcl_edit::parser::parse_expr(text).expect("value expression");
        let module = super::super::module::Module::default();
        super::super::eval::Evaluator::new(&module).eval_top(&expr)
    }

    #[test]
    fn collections_convert_element_by_element() {
        assert_eq!(
            ty("list(number)").coerce(&value("[\"1\", 2]")),
            value("[1, 2]")
        );
        assert_eq!(
            ty("set(string)").coerce(&value("[1, \"1\", true]")),
            value("[\"1\", \"true\"]")
        );
        assert_eq!(
            ty("map(bool)").coerce(&value("{a = \"true\"}")),
            value("{a = true}")
        );
        assert_eq!(
            ty("tuple([string, number])").coerce(&value("[1, \"2\"]")),
            value("[\"1\", 2]")
        );
        // Values Terraform would refuse are unknown, never a guess.
        assert_eq!(
            ty("list(number)").coerce(&value("[\"x\"]")),
            Value::List(vec![Value::Unknown])
        );
        assert_eq!(ty("map(string)").coerce(&value("[1]")), Value::Unknown);
        assert_eq!(ty("list(string)").coerce(&Value::Unknown), Value::Unknown);
    }

    #[test]
    fn optional_object_attributes_get_their_defaults() {
        let t = ty(r#"object({
            name   = string
            acl    = optional(string, "private")
            public = optional(bool, false)
            tags   = optional(map(string))
            rules  = optional(list(object({ port = number, cidr = optional(string, "10.0.0.0/8") })), [])
        })"#);
        assert_eq!(
            t.coerce(&value(
                r#"{ name = "logs", extra = 1, rules = [{ port = "22" }] }"#
            )),
            value(
                r#"{ name = "logs", acl = "private", public = false, tags = null,
                     rules = [{ port = 22, cidr = "10.0.0.0/8" }] }"#
            )
        );
        // null for an optional attribute takes the default; a given value wins.
        assert_eq!(
            t.coerce(&value(r#"{ name = "a", acl = null, public = true }"#)),
            value(r#"{ name = "a", acl = "private", public = true, tags = null, rules = [] }"#)
        );
        // A required attribute left out: not a value Terraform accepts.
        assert_eq!(t.coerce(&value("{ acl = \"x\" }")), Value::Unknown);
        assert_eq!(ty("any").coerce(&value("{ a = 1 }")), value("{ a = 1 }"));
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
