//! CloudFormation templates (YAML and JSON): reading, intrinsic functions, and adapters into the model.
//!
//! A template is read into the span-keeping tree of [`crate::json`] (YAML through [`crate::yaml`], with
//! short-form tags as long forms). [`Template::value`] evaluates a property: `Ref` and `Fn::Sub` to
//! parameters (their default), pseudo parameters, `Fn::If` on `Conditions`, `Fn::Join`, `Fn::Select`,
//! `Fn::Split`, `Fn::FindInMap`, `Fn::Base64`; `Ref`/`Fn::GetAtt` to a resource becomes a reference so
//! that companion resources join their target. Anything else is unknown, with a reason.

pub mod adapt;
pub mod json_strings;

use crate::json::{Kind, Node};
use crate::terraform::holes::HoleText;
use crate::terraform::value::{ResourceRef, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// True when `text` may be a template; confirmed by [`Template::from_node`] after parsing.
pub fn looks_like_template(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && text.contains("AWS::"))
}

/// Reads a parameter file: the `[{"ParameterKey": …, "ParameterValue": …}]` list that the AWS CLI uses,
/// or a plain `{"Name": "Value"}` object.
pub fn parameter_file(text: &str) -> Result<HashMap<String, String>, crate::json::JsonError> {
    let root = crate::json::parse(text)?;
    let scalar = |n: &Node| -> Option<String> {
        match &n.kind {
            Kind::String(s) => Some(s.clone()),
            Kind::Number(x) => Some(crate::terraform::value::format_number(*x)),
            Kind::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    };
    let bad = |n: &Node, what: &str| crate::json::JsonError {
        span: n.span.clone(),
        message: format!("CloudFormation parameter file: {what}"),
    };
    let mut out = HashMap::new();
    match &root.kind {
        Kind::Array(items) => {
            for item in items {
                let key = item.get("ParameterKey").and_then(Node::as_str);
                let value = item.get("ParameterValue").and_then(scalar);
                match (key, value) {
                    (Some(k), Some(v)) => {
                        out.insert(k.to_string(), v);
                    }
                    _ => {
                        return Err(bad(
                            item,
                            "each entry needs ParameterKey and ParameterValue",
                        ))
                    }
                }
            }
        }
        Kind::Object(props) => {
            for p in props {
                let v = scalar(&p.value)
                    .ok_or_else(|| bad(&p.value, "values must be strings, numbers or booleans"))?;
                out.insert(p.key.clone(), v);
            }
        }
        _ => {
            return Err(bad(
                &root,
                "expected a list of ParameterKey/ParameterValue or an object",
            ))
        }
    }
    Ok(out)
}

/// A condition's value (`None`: undecided) and why it could not be decided.
type Decided = (Option<bool>, Vec<String>);

/// A property node after `Fn::If` and `AWS::NoValue`.
pub(crate) enum Resolved<'t> {
    Node(&'t Node),
    /// Not written, or removed with `!Ref AWS::NoValue`.
    Absent,
    /// Cannot be told before the stack is deployed: why.
    Unknown(Vec<String>),
}

/// A resource of a template.
#[derive(Debug)]
pub struct TemplateResource<'t> {
    pub logical_id: &'t str,
    pub rtype: &'t str,
    /// The resource's entry: the logical ID key and its value.
    pub entry: &'t crate::json::Prop,
    pub properties: Option<&'t Node>,
}

/// A parsed template.
pub struct Template<'t> {
    pub root: &'t Node,
    pub resources: Vec<TemplateResource<'t>>,
    parameters: HashMap<&'t str, &'t Node>,
    /// Values given on the command line (`--cfn-param`), by parameter name.
    overrides: HashMap<String, String>,
    conditions: HashMap<&'t str, &'t Node>,
    /// Conditions decided so far, with why an undecided one could not be.
    condition_values: RefCell<HashMap<String, Decided>>,
    /// Why the last evaluation met unknowns.
    why: RefCell<Vec<String>>,
    /// Parameter defaults the last evaluation used: (span of the `Default` entry, note, hint).
    trace: RefCell<Vec<(std::ops::Range<usize>, String, String)>>,
    /// Values assumed for conditions that cannot be decided (to judge each branch that can be taken).
    assumed: HashMap<String, bool>,
    /// Conditions met so far that could not be decided.
    undecided: RefCell<std::collections::BTreeSet<String>>,
    /// Levels of evaluation under way (collections, intrinsic functions, conditions and parameter
    /// defaults that refer to others): bounded by [`MAX_DEPTH`].
    level: Cell<usize>,
    /// The template's text, when given ([`Template::with_source`]): JSON written in a string is then
    /// located inside it.
    source: Option<&'t str>,
}

/// Deepest evaluation: the nesting bound of the documents themselves. Chains through conditions and
/// parameter defaults (which the document's nesting does not bound) stop here too.
pub const MAX_DEPTH: usize = crate::json::MAX_DEPTH;

/// One level of evaluation, given back when dropped.
struct Level<'a>(&'a Cell<usize>);

impl Drop for Level<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get().saturating_sub(1));
    }
}

const PSEUDO: [&str; 7] = [
    "AWS::AccountId",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
    "AWS::NotificationARNs",
    "AWS::Partition",
];

impl<'t> Template<'t> {
    /// A template when `root` is an object with `AWSTemplateFormatVersion`, or `Resources` whose
    /// entries have `AWS::` types (SAM included).
    pub fn from_node(root: &'t Node, overrides: HashMap<String, String>) -> Option<Template<'t>> {
        let resources_node = root.get("Resources");
        let is_template = root.get("AWSTemplateFormatVersion").is_some()
            || resources_node.is_some_and(|r| {
                r.props().iter().any(|p| {
                    p.value
                        .get("Type")
                        .and_then(Node::as_str)
                        .is_some_and(|t| t.starts_with("AWS::"))
                })
            });
        if !is_template {
            return None;
        }
        let resources = resources_node
            .map(Node::props)
            .unwrap_or_default()
            .iter()
            .filter_map(|p| {
                Some(TemplateResource {
                    logical_id: &p.key,
                    rtype: p.value.get("Type")?.as_str()?,
                    entry: p,
                    properties: p.value.get("Properties"),
                })
            })
            .collect();
        let section = |name: &str| -> HashMap<&'t str, &'t Node> {
            root.get(name)
                .map(Node::props)
                .unwrap_or_default()
                .iter()
                .map(|p| (p.key.as_str(), &p.value))
                .collect()
        };
        Some(Template {
            root,
            resources,
            parameters: section("Parameters"),
            overrides,
            conditions: section("Conditions"),
            condition_values: RefCell::default(),
            why: RefCell::default(),
            trace: RefCell::default(),
            assumed: HashMap::new(),
            undecided: RefCell::default(),
            level: Cell::new(0),
            source: None,
        })
    }

    /// The same template, knowing its text (`root` was read from it).
    pub fn with_source(mut self, text: &'t str) -> Self {
        self.source = Some(text);
        self
    }

    /// The template's text, when known.
    pub fn source(&self) -> Option<&'t str> {
        self.source
    }

    /// The same template with undecidable conditions taken as `assumed`.
    pub fn assuming(mut self, assumed: HashMap<String, bool>) -> Self {
        self.assumed = assumed;
        self
    }

    /// Conditions that could not be decided while evaluating so far, sorted.
    pub fn undecided_conditions(&self) -> Vec<String> {
        self.undecided.borrow().iter().cloned().collect()
    }

    /// Whether the resource exists: its `Condition` is not known to be false.
    pub fn exists(&self, r: &TemplateResource) -> bool {
        match r.entry.value.get("Condition").and_then(Node::as_str) {
            Some(c) => self.condition(c) != Some(false),
            None => true,
        }
    }

    /// Why the last [`Template::value`] met unknown values, and clears the list.
    /// Where the values of the last evaluation came from: the parameter defaults it used, in `file`.
    pub fn take_trace(&self, file: crate::source::FileId) -> Vec<crate::finding::Trace> {
        let mut out: Vec<crate::finding::Trace> = Vec::new();
        for (range, note, hint) in self.trace.borrow_mut().drain(..) {
            let t = crate::finding::Trace {
                span: Some(crate::source::Span::new(file, range)),
                note,
                hint: Some(hint),
            };
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    pub fn take_why(&self) -> Vec<String> {
        crate::drain_unique(&self.why)
    }

    /// One more level of evaluation, `None` past [`MAX_DEPTH`].
    fn enter(&self) -> Option<Level<'_>> {
        let level = self.level.get();
        if level >= MAX_DEPTH {
            return None;
        }
        self.level.set(level + 1);
        Some(Level(&self.level))
    }

    fn too_deep(&self) -> Value {
        self.unknown(format!(
            "values, intrinsic functions, conditions and parameter defaults nest more than {MAX_DEPTH} levels deep here"
        ))
    }

    fn unknown(&self, why: String) -> Value {
        self.why.borrow_mut().push(why);
        Value::Unknown
    }

    /// `node` with `Fn::If` followed where its condition is decided, `!Ref AWS::NoValue` as absent, and
    /// any other intrinsic function (which cannot give an object or a list of objects) unknown.
    pub(crate) fn resolve(&self, mut node: &'t Node) -> Resolved<'t> {
        // (Each step goes two levels down, so the document's own bound ends this loop first.)
        for _ in 0..MAX_DEPTH {
            let [p] = node.props() else {
                return Resolved::Node(node);
            };
            let intrinsic = p.key == "Ref" || p.key == "Condition" || p.key.starts_with("Fn::");
            if !intrinsic {
                return Resolved::Node(node);
            }
            if p.key == "Ref" && p.value.as_str() == Some("AWS::NoValue") {
                return Resolved::Absent;
            }
            match (p.key.as_str(), p.value.items()) {
                ("Fn::If", [cond, yes, no]) => {
                    match cond.as_str().and_then(|c| self.condition(c)) {
                        Some(true) => node = yes,
                        Some(false) => node = no,
                        None => {
                            // Undecided: the same value either way is still known.
                            let value = self.value(node);
                            let why = self.take_why();
                            if !value.is_known() {
                                return Resolved::Unknown(why);
                            }
                            node = yes;
                        }
                    }
                }
                _ => {
                    self.value(node);
                    let mut why = self.take_why();
                    if why.is_empty() {
                        why.push(format!(
                            "`{}` does not give a value preflight can read here",
                            p.key
                        ));
                    }
                    return Resolved::Unknown(why);
                }
            }
        }
        Resolved::Unknown(vec![format!(
            "`Fn::If` nests more than {} levels deep",
            MAX_DEPTH
        )])
    }

    /// The value of a property, intrinsic functions evaluated. `AWS::NoValue` gives `Null`.
    pub fn value(&self, node: &Node) -> Value {
        self.eval(node)
    }

    fn eval(&self, node: &Node) -> Value {
        // Scalars do not recurse; every collection and intrinsic function is one level.
        let _level = match &node.kind {
            Kind::Array(_) | Kind::Object(_) => match self.enter() {
                Some(level) => Some(level),
                None => return self.too_deep(),
            },
            _ => None,
        };
        match &node.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Number(n) => Value::Number(*n),
            Kind::String(s) if s.contains("{{resolve:") => self.unknown(format!(
                "`{s}` is a dynamic reference, resolved when the stack is deployed"
            )),
            Kind::String(s) => Value::String(s.clone()),
            // `!Ref AWS::NoValue` (Null) removes an element or a property.
            Kind::Array(items) => Value::List(
                items
                    .iter()
                    .map(|i| self.eval(i))
                    .filter(|v| *v != Value::Null)
                    .collect(),
            ),
            Kind::Object(props) => {
                if let [p] = props.as_slice() {
                    if p.key == "Ref" || p.key == "Condition" || p.key.starts_with("Fn::") {
                        return self.intrinsic(&p.key, &p.value);
                    }
                }
                Value::Object(
                    props
                        .iter()
                        .map(|p| (p.key.clone(), self.eval(&p.value)))
                        .filter(|(_, v)| *v != Value::Null)
                        .collect(),
                )
            }
        }
    }

    fn intrinsic(&self, name: &str, arg: &Node) -> Value {
        let args = arg.items();
        match name {
            "Ref" => match arg.as_str() {
                Some(target) => self.reference(target),
                None => self.unknown("a `Ref` whose target is not a plain name".into()),
            },
            "Condition" => match arg.as_str().and_then(|c| self.condition(c)) {
                Some(b) => Value::Bool(b),
                None => Value::Unknown,
            },
            "Fn::GetAtt" => {
                let parts: Vec<String> = match &arg.kind {
                    Kind::String(s) => s.splitn(2, '.').map(str::to_string).collect(),
                    _ => args
                        .iter()
                        .filter_map(|a| a.as_str().map(str::to_string))
                        .collect(),
                };
                match parts.as_slice() {
                    [res, attr] => Value::Ref(Box::new(ResourceRef {
                        address: res.clone(),
                        attr: attr.clone(),
                    })),
                    _ => self.unknown("a `Fn::GetAtt` that is not `[Resource, Attribute]`".into()),
                }
            }
            "Fn::If" => match args {
                [cond, yes, no] => match cond.as_str().and_then(|c| self.condition(c)) {
                    Some(true) => self.eval(yes),
                    Some(false) => self.eval(no),
                    None => {
                        let (a, b) = (self.eval(yes), self.eval(no));
                        if a == b && a.is_known() {
                            a
                        } else {
                            self.unknown(format!(
                                "the value depends on condition {}, which cannot be decided",
                                cond.as_str().unwrap_or("?")
                            ))
                        }
                    }
                },
                _ => self.unknown("a malformed `Fn::If`".into()),
            },
            "Fn::Join" => match args {
                [sep, list] => {
                    let sep = self.eval(sep);
                    let list = self.eval(list);
                    let reference = list.as_list().and_then(|l| {
                        l.iter().find_map(|v| match v {
                            Value::Ref(r) => Some(r.address.clone()),
                            _ => None,
                        })
                    });
                    if let Some(address) = &reference {
                        self.unknown(format!(
                            "`{address}` is known only when the stack is deployed"
                        ));
                    }
                    match (sep.as_str(), list.as_list()) {
                        (Some(sep), Some(items)) => {
                            // Unknown parts are holes: JSON text joined from parts keeps its
                            // structure around them.
                            let mut out = HoleText::new();
                            for (i, item) in items.iter().enumerate() {
                                if i > 0 {
                                    out.push_str(sep);
                                }
                                match item.to_template_string() {
                                    Some(s) => out.push_str(&s),
                                    None => out.push_hole(),
                                }
                            }
                            out.finish()
                        }
                        _ => Value::Unknown,
                    }
                }
                _ => self.unknown("a malformed `Fn::Join`".into()),
            },
            "Fn::Select" => match args {
                [index, list] => {
                    let (i, list) = (self.eval(index), self.eval(list));
                    match (i.as_number(), list) {
                        (Some(i), Value::List(items)) if i >= 0.0 && (i as usize) < items.len() => {
                            items[i as usize].clone()
                        }
                        _ => Value::Unknown,
                    }
                }
                _ => self.unknown("a malformed `Fn::Select`".into()),
            },
            "Fn::Split" => match args {
                [sep, s] => match (self.eval(sep), self.eval(s)) {
                    (Value::String(sep), Value::String(s)) if !sep.is_empty() => {
                        Value::List(s.split(sep.as_str()).map(Value::str).collect())
                    }
                    _ => Value::Unknown,
                },
                _ => self.unknown("a malformed `Fn::Split`".into()),
            },
            "Fn::Sub" => {
                let (template, vars) = match (&arg.kind, args) {
                    (Kind::String(s), _) => (s.clone(), None),
                    (_, [t, vars]) => match t.as_str() {
                        Some(s) => (s.to_string(), Some(vars)),
                        None => return self.unknown("a malformed `Fn::Sub`".into()),
                    },
                    _ => return self.unknown("a malformed `Fn::Sub`".into()),
                };
                self.sub(&template, vars)
            }
            "Fn::FindInMap" => match args {
                [map, k1, k2] => {
                    let keys = (
                        self.eval(map).to_template_string(),
                        self.eval(k1).to_template_string(),
                        self.eval(k2).to_template_string(),
                    );
                    match keys {
                        (Some(m), Some(a), Some(b)) => match self
                            .root
                            .get("Mappings")
                            .and_then(|ms| ms.get(&m))
                            .and_then(|x| x.get(&a))
                            .and_then(|x| x.get(&b))
                        {
                            Some(v) => self.eval(v),
                            None => self.unknown(format!("Mappings has no {m}.{a}.{b}")),
                        },
                        _ => Value::Unknown,
                    }
                }
                _ => self.unknown("a malformed `Fn::FindInMap`".into()),
            },
            "Fn::Base64" => self.eval(arg),
            "Fn::Equals" | "Fn::And" | "Fn::Or" | "Fn::Not" => match self.boolean(name, arg) {
                Some(b) => Value::Bool(b),
                None => Value::Unknown,
            },
            other => self.unknown(format!(
                "`{other}` is resolved by CloudFormation when the stack is deployed"
            )),
        }
    }

    /// `Ref`: a parameter's value (override, else default), a pseudo parameter, or a resource.
    fn reference(&self, target: &str) -> Value {
        if target == "AWS::NoValue" {
            return Value::Null;
        }
        if target == "AWS::Partition" {
            return Value::str("aws");
        }
        if PSEUDO.contains(&target) {
            return self.unknown(format!("{target} is known only when the stack is deployed"));
        }
        if let Some(p) = self.parameters.get(target) {
            let ty = p.get("Type").and_then(Node::as_str).unwrap_or("String");
            if ty.starts_with("AWS::SSM::Parameter::Value") {
                return self.unknown(format!(
                    "parameter {target} is read from Systems Manager Parameter Store when the stack is deployed"
                ));
            }
            let given = self.overrides.get(target).map(|s| Value::String(s.clone()));
            let value = match given {
                Some(v) => v,
                None => match p.prop("Default") {
                    Some(d) => {
                        let value = self.eval(&d.value);
                        let shown = value
                            .to_template_string()
                            .map(|s| format!("`{s}`"))
                            .unwrap_or_else(|| "a value".into());
                        self.trace.borrow_mut().push((
                            d.span(),
                            format!("parameter {target} defaults to {shown}"),
                            format!(
                                "the value comes from parameter {target}'s default; pass --cfn-param {target}=VALUE (or --cfn-params FILE) to check the value you deploy"
                            ),
                        ));
                        value
                    }
                    None => {
                        return self.unknown(format!(
                            "parameter {target} has no default: pass it with --cfn-param {target}=…"
                        ))
                    }
                },
            };
            return match (ty, value) {
                ("Number", v) => v.as_number().map_or(Value::Unknown, Value::Number),
                (t, Value::String(s)) if t == "CommaDelimitedList" || t.starts_with("List<") => {
                    Value::List(s.split(',').map(|x| Value::str(x.trim())).collect())
                }
                (_, v) => v,
            };
        }
        if self.resources.iter().any(|r| r.logical_id == target) {
            return Value::Ref(Box::new(ResourceRef {
                address: target.to_string(),
                attr: "Ref".into(),
            }));
        }
        self.unknown(format!(
            "`{target}` is not a parameter or resource of this template"
        ))
    }

    /// `Fn::Sub`: `${Name}` from the variables, parameters and pseudo parameters; `${!Literal}` kept.
    fn sub(&self, template: &str, vars: Option<&Node>) -> Value {
        let mut out = HoleText::new();
        let mut rest = template;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                return self.unknown("an unclosed `${` in `Fn::Sub`".into());
            };
            let name = &after[..end];
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push_str("}");
            } else {
                let value = match vars.and_then(|v| v.get(name)) {
                    Some(v) => self.eval(v),
                    None if name.contains('.') => {
                        self.unknown(format!("`{name}` is known only when the stack is deployed"))
                    }
                    None => self.reference(name),
                };
                match (value.to_template_string(), &value) {
                    (Some(s), _) => out.push_str(&s),
                    (None, Value::Ref(r)) => {
                        self.unknown(format!(
                            "`{}` is known only when the stack is deployed",
                            r.address
                        ));
                        out.push_hole();
                    }
                    (None, _) => out.push_hole(),
                }
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        // A policy document written as JSON text keeps its structure around an unknown part.
        out.finish()
    }

    /// A condition's value, `None` when it cannot be decided.
    pub fn condition(&self, name: &str) -> Option<bool> {
        let v = self.decide(name);
        if v.is_none() {
            if let Some(&b) = self.assumed.get(name) {
                return Some(b);
            }
            self.undecided.borrow_mut().insert(name.to_string());
        }
        v
    }

    fn decide(&self, name: &str) -> Option<bool> {
        if let Some((v, why)) = self.condition_values.borrow().get(name) {
            // Every use of an undecided condition says why.
            self.why.borrow_mut().extend(why.iter().cloned());
            return *v;
        }
        // Guard against conditions that refer to themselves.
        self.condition_values
            .borrow_mut()
            .insert(name.to_string(), (None, Vec::new()));
        let mark = self.why.borrow().len();
        let v = self.conditions.get(name).and_then(|node| {
            let [p] = node.props() else {
                return None;
            };
            self.boolean(&p.key, &p.value)
        });
        let why = if v.is_none() {
            self.why.borrow()[mark..].to_vec()
        } else {
            self.why.borrow_mut().truncate(mark);
            Vec::new()
        };
        self.condition_values
            .borrow_mut()
            .insert(name.to_string(), (v, why));
        v
    }

    fn boolean(&self, name: &str, arg: &Node) -> Option<bool> {
        let Some(_level) = self.enter() else {
            self.too_deep();
            return None;
        };
        let args = arg.items();
        let sub = |n: &Node| -> Option<bool> {
            match n.props() {
                [p] if p.key == "Condition" => p.value.as_str().and_then(|c| self.condition(c)),
                [p] if p.key.starts_with("Fn::") => self.boolean(&p.key, &p.value),
                _ => self.eval(n).as_bool(),
            }
        };
        match name {
            "Fn::Equals" => match args {
                [a, b] => {
                    let (a, b) = (self.eval(a), self.eval(b));
                    (a.is_known() && b.is_known()).then(|| {
                        a == b
                            || (a.to_template_string().is_some()
                                && a.to_template_string() == b.to_template_string())
                    })
                }
                _ => None,
            },
            "Fn::Not" => args.first().and_then(sub).map(|b| !b),
            "Fn::And" => {
                let vals: Vec<Option<bool>> = args.iter().map(sub).collect();
                if vals.contains(&Some(false)) {
                    Some(false)
                } else if vals.iter().all(|v| *v == Some(true)) {
                    Some(true)
                } else {
                    None
                }
            }
            "Fn::Or" => {
                let vals: Vec<Option<bool>> = args.iter().map(sub).collect();
                if vals.contains(&Some(true)) {
                    Some(true)
                } else if vals.iter().all(|v| *v == Some(false)) {
                    Some(false)
                } else {
                    None
                }
            }
            "Condition" => arg.as_str().and_then(|c| self.condition(c)),
            _ => None,
        }
    }
}

/// Logical IDs for messages and reports, by resource type, in template order.
pub fn resource_ids<'t>(tpl: &'t Template<'t>, rtype: &str) -> Vec<&'t TemplateResource<'t>> {
    tpl.resources
        .iter()
        .filter(|r| r.rtype == rtype && tpl.exists(r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tpl_value(yaml: &str, prop: &str) -> Value {
        let root = crate::yaml::parse(yaml).expect("parses");
        let tpl = Template::from_node(&root, HashMap::new()).expect("template");
        let r = &tpl.resources[0];
        let v = r.properties.and_then(|p| p.get(prop)).expect("property");
        tpl.value(v)
    }

    const HEAD: &str = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Env:\n    Type: String\n    Default: prod\n  Open:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsOpen: !Equals [!Ref Open, 'yes']\nMappings:\n  Acl:\n    prod:\n      Value: PublicRead\n";

    fn resource(props: &str) -> String {
        format!("{HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n{props}")
    }

    #[test]
    fn refs_subs_conditions_and_mappings() {
        assert_eq!(
            tpl_value(&resource("      X: !Ref Env\n"), "X"),
            Value::str("prod")
        );
        assert_eq!(
            tpl_value(&resource("      X: !Sub '${Env}-${AWS::Partition}'\n"), "X"),
            Value::str("prod-aws")
        );
        assert_eq!(
            tpl_value(&resource("      X: !If [IsProd, a, b]\n"), "X"),
            Value::str("a")
        );
        assert_eq!(
            tpl_value(&resource("      X: !If [IsOpen, a, b]\n"), "X"),
            Value::Unknown
        );
        assert_eq!(
            tpl_value(&resource("      X: !If [IsOpen, a, a]\n"), "X"),
            Value::str("a")
        );
        assert_eq!(
            tpl_value(
                &resource("      X: !FindInMap [Acl, !Ref Env, Value]\n"),
                "X"
            ),
            Value::str("PublicRead")
        );
        assert_eq!(
            tpl_value(&resource("      X: !Join ['-', [a, !Ref Env]]\n"), "X"),
            Value::str("a-prod")
        );
        assert_eq!(
            tpl_value(
                &resource("      X: !Select [1, !Split [',', 'a,b']]\n"),
                "X"
            ),
            Value::str("b")
        );
        assert_eq!(
            tpl_value(&resource("      X: !Ref AWS::NoValue\n"), "X"),
            Value::Null
        );
        assert_eq!(
            tpl_value(&resource("      X: !Ref Open\n"), "X"),
            Value::Unknown
        );
        assert!(matches!(
            tpl_value(&resource("      X: !GetAtt B.Arn\n"), "X"),
            Value::Ref(_)
        ));
        assert!(
            matches!(tpl_value(&resource("      X: !Ref B\n"), "X"), Value::Ref(r) if r.address == "B")
        );
    }

    #[test]
    fn fixes_for_no_value_ssm_lists_dynamic_references_and_reasons() {
        let yaml = "Parameters:\n  Cidr:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /net/cidr\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n    Default: a,b\n  Open:\n    Type: String\nConditions:\n  IsOpen: !Equals [!Ref Open, 'yes']\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      L: [a, !Ref AWS::NoValue, b]\n      O: {k: v, gone: !Ref AWS::NoValue}\n      C: !Ref Cidr\n      S: !Ref Subnets\n      D: '{{resolve:ssm:/net/cidr}}'\n      R: !Sub '${B}-x'\n      I1: !If [IsOpen, a, b]\n      I2: !If [IsOpen, c, d]\n";
        let root = crate::yaml::parse(yaml).expect("parses");
        let tpl = Template::from_node(&root, HashMap::new()).expect("template");
        let props = tpl.resources[0].properties.expect("props");
        let v = |k: &str| tpl.value(props.get(k).expect("prop"));
        assert_eq!(v("L"), Value::List(vec![Value::str("a"), Value::str("b")]));
        assert_eq!(v("O").as_object().map(|m| m.len()), Some(1));
        tpl.take_why();
        assert_eq!(v("C"), Value::Unknown);
        assert!(tpl.take_why()[0].contains("Parameter Store"));
        assert_eq!(v("S"), Value::List(vec![Value::str("a"), Value::str("b")]));
        assert_eq!(v("D"), Value::Unknown);
        assert!(tpl.take_why()[0].contains("dynamic reference"));
        assert_eq!(v("R"), Value::Unknown);
        assert!(tpl.take_why()[0].contains("`B`"));
        // The reason for an undecided condition comes with every use, not only the first.
        assert_eq!(v("I1"), Value::Unknown);
        assert!(tpl
            .take_why()
            .iter()
            .any(|w| w.contains("parameter Open has no default")));
        assert_eq!(v("I2"), Value::Unknown);
        assert!(tpl
            .take_why()
            .iter()
            .any(|w| w.contains("parameter Open has no default")));
    }

    #[test]
    fn a_condition_that_refers_to_itself_is_undecided() {
        let yaml = "Conditions:\n  A: !Not [!Condition A]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: A\n";
        let root = crate::yaml::parse(yaml).expect("parses");
        let tpl = Template::from_node(&root, HashMap::new()).expect("template");
        assert_eq!(tpl.condition("A"), None);
        assert!(tpl.exists(&tpl.resources[0]));
    }

    #[test]
    fn parameter_files_in_both_forms() {
        let a =
            parameter_file(r#"[{"ParameterKey": "Env", "ParameterValue": "dev"}]"#).expect("list");
        assert_eq!(a.get("Env").map(String::as_str), Some("dev"));
        let b = parameter_file(r#"{"Env": "dev", "Port": 22}"#).expect("object");
        assert_eq!(b.get("Port").map(String::as_str), Some("22"));
        assert!(parameter_file(r#"[{"ParameterKey": "Env"}]"#).is_err());
        assert!(parameter_file("3").is_err());
    }

    #[test]
    fn overrides_win_over_defaults() {
        let yaml = "Parameters:\n  Env:\n    Type: String\n    Default: prod\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Ref Env\n";
        let root = crate::yaml::parse(yaml).expect("parses");
        let tpl = Template::from_node(
            &root,
            HashMap::from([("Env".to_string(), "dev".to_string())]),
        )
        .expect("template");
        let v = tpl.resources[0]
            .properties
            .and_then(|p| p.get("X"))
            .expect("X");
        assert_eq!(tpl.value(v), Value::str("dev"));
    }

    /// Evaluates `prop` of the first resource of `yaml` and whether that resource exists, on a thread
    /// with the stack of a rayon worker (2 MiB), where templates are read during a scan.
    fn on_worker_stack(yaml: String, prop: &'static str) -> (Value, bool, Vec<String>) {
        std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || {
                let root = crate::yaml::parse(&yaml).expect("parses");
                let tpl = Template::from_node(&root, HashMap::new()).expect("template");
                let r = &tpl.resources[0];
                let exists = tpl.exists(r);
                let v = r
                    .properties
                    .and_then(|p| p.get(prop))
                    .map_or(Value::Null, |v| tpl.value(v));
                (v, exists, tpl.take_why())
            })
            .expect("spawns")
            .join()
            .expect("no overflow")
    }

    #[test]
    fn chains_through_parameters_and_conditions_are_bounded() {
        // A parameter whose default refers to itself, and a long chain of them.
        let selfref = "Parameters:\n  P:\n    Type: String\n    Default: !Ref P\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Ref P\n";
        let (v, _, why) = on_worker_stack(selfref.into(), "X");
        assert_eq!(v, Value::Unknown);
        assert!(
            why.iter().any(|w| w.contains("more than 128 levels")),
            "{why:?}"
        );
        let mut chain = String::from("Parameters:\n");
        for i in 0..5000 {
            chain.push_str(&format!(
                "  P{i}:\n    Type: String\n    Default: !Ref P{}\n",
                i + 1
            ));
        }
        chain.push_str("  P5000:\n    Type: String\n    Default: end\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Ref P0\n");
        assert_eq!(on_worker_stack(chain, "X").0, Value::Unknown);
        // Conditions that each depend on the next: undecided past the bound, so the resource exists.
        let mut chain = String::from("AWSTemplateFormatVersion: '2010-09-09'\nConditions:\n");
        for i in 0..20_000 {
            chain.push_str(&format!(
                "  C{i}: !And [!Condition C{}, !Equals [a, a]]\n",
                i + 1
            ));
        }
        chain.push_str("  C20000: !Equals [a, b]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: C0\n    Properties:\n      X: 1\n");
        let (_, exists, _) = on_worker_stack(chain, "X");
        assert!(exists);
        // A short chain is still decided.
        let mut chain = String::from("AWSTemplateFormatVersion: '2010-09-09'\nConditions:\n");
        for i in 0..10 {
            chain.push_str(&format!(
                "  C{i}: !And [!Condition C{}, !Equals [a, a]]\n",
                i + 1
            ));
        }
        chain.push_str("  C10: !Equals [a, b]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: C0\n    Properties:\n      X: 1\n");
        assert!(!on_worker_stack(chain, "X").1);
    }

    #[test]
    fn nesting_at_the_document_limit_evaluates() {
        // `Fn::Join`s (three levels each: the wrapper and two sequences) under the four mappings
        // above the property: 127 levels in all.
        let n = (MAX_DEPTH - 4) / 3;
        let value = format!("{}x{}", "!Join ['', [".repeat(n), "]]".repeat(n));
        let yaml = format!(
            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: {value}\n"
        );
        let (v, _, why) = on_worker_stack(yaml, "X");
        assert_eq!(v, Value::str("x"), "{why:?}");
    }

    #[test]
    fn not_a_template() {
        let root = crate::yaml::parse("name: ci\non: [push]\n").expect("parses");
        assert!(Template::from_node(&root, HashMap::new()).is_none());
    }
}
