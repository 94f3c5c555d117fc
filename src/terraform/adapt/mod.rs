//! Terraform resources → the normalized model (`crate::model`), with a location for every attribute read.
//!
//! Knows Terraform's AWS resource types and the cloud defaults the provider applies; knows nothing of
//! policies or output formats.

mod ebs;
mod ec2;
mod iam;
mod rds;
pub(crate) mod s3;
mod sns;

use super::eval::{Evaluator, Instance, Scope};
use super::module::Resource;
use super::parse;
use super::plan;
use super::value::Value;
use crate::finding::Trace;
use crate::json;
use crate::model::{Document, EntityLocations, HasMeta, Locations, Meta, Model};
use crate::source::{FileId, Span};
use hcl_edit::structure::Body;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::rc::Rc;

/// Builds the model of an evaluated root module and every module it calls, in one pass: companion
/// resources join their parent across modules (by prefixed address or by the globally unique name).
pub fn adapt(root: &Evaluator) -> (Model, Locations) {
    let mut children = Vec::new();
    collect_children(root, &mut children);
    let mut evs: Vec<&Evaluator> = vec![root];
    evs.extend(children.iter().map(|c| c.as_ref()));
    let mut cx = Cx {
        evs,
        plan: None,
        model: Model::default(),
        locations: Locations::default(),
    };
    adapt_all(&mut cx);
    (cx.model, cx.locations)
}

/// Builds the model of a Terraform plan (`file` is the plan's JSON).
pub fn adapt_plan(file: FileId, plan: &plan::Plan) -> (Model, Locations) {
    let mut cx = Cx {
        evs: Vec::new(),
        plan: Some((file, plan)),
        model: Model::default(),
        locations: Locations::default(),
    };
    adapt_all(&mut cx);
    (cx.model, cx.locations)
}

fn adapt_all(cx: &mut Cx) {
    s3::adapt(cx);
    rds::adapt(cx);
    ebs::adapt(cx);
    ec2::adapt(cx);
    iam::adapt(cx);
    sns::adapt(cx);
}

/// The evaluators of every module instance `ev` calls, depth first in call-name order.
fn collect_children<'a>(ev: &Evaluator<'a>, out: &mut Vec<Rc<Evaluator<'a>>>) {
    for child in ev.children() {
        out.push(Rc::clone(&child));
        collect_children(&child, out);
    }
}

pub(crate) struct Cx<'r, 'a> {
    /// The root module's evaluator and its descendants'.
    pub evs: Vec<&'r Evaluator<'a>>,
    /// A plan whose resources are adapted as well.
    pub plan: Option<(FileId, &'r plan::Plan)>,
    pub model: Model,
    pub locations: Locations,
}

impl<'r, 'a> Cx<'r, 'a> {
    /// Every instance of every resource of type `rtype` in every module (`count` and `for_each`
    /// expanded).
    pub fn instances(&self, rtype: &'static str) -> Vec<Item<'r, 'a>> {
        let mut out = Vec::new();
        for &ev in &self.evs {
            for res in ev.module.resources_of(rtype) {
                out.extend(ev.instances(res).into_iter().map(|inst| Item {
                    res: Res::of(ev, res, &inst),
                    address: inst.address,
                    label: inst.label,
                }));
            }
        }
        if let Some((file, plan)) = self.plan {
            out.extend(
                plan.resources
                    .iter()
                    .filter(|r| r.rtype == rtype)
                    .map(|r| Item {
                        res: Res::planned(file, r),
                        address: r.address.clone(),
                        label: r.label.clone(),
                    }),
            );
        }
        out
    }
}

/// One resource instance to adapt: its address, a short label, and its fields.
pub(crate) struct Item<'r, 'a> {
    pub address: String,
    pub label: String,
    pub res: Res<'r, 'a>,
}

impl Item<'_, '_> {
    /// A tracker for the entity this resource becomes, located at its header.
    pub fn tracker(&self) -> Tracker {
        Tracker::new(
            self.address.clone(),
            self.label.clone(),
            self.address.clone(),
            self.res.span.clone(),
        )
    }
}

/// A block's body being read: a resource instance, or a nested block inside one; written in HCL, or
/// the values of a resource in a Terraform plan.
#[derive(Clone)]
pub(crate) struct Res<'r, 'a> {
    /// The block's header, or the resource's object in a plan.
    pub span: Span,
    src: Src<'r, 'a>,
}

#[derive(Clone)]
enum Src<'r, 'a> {
    Hcl {
        ev: &'r Evaluator<'a>,
        file: FileId,
        body: &'a Body,
        /// Names bound here: the instance's `count`/`each`, dynamic block iterators.
        scope: Rc<Scope<'static>>,
    },
    Template {
        file: FileId,
        tpl: &'r crate::cloudformation::Template<'r>,
        props: &'r json::Node,
    },
    Plan {
        file: FileId,
        values: &'r json::Node,
        /// The matching part of the plan's `after_unknown`: what is known only after apply.
        unknown: Option<&'r json::Node>,
        /// Attribute → the resource its expression references (from the plan's configuration), for
        /// values unknown at plan time.
        refs: Option<&'r BTreeMap<String, String>>,
    },
}

impl<'r, 'a: 'r> Res<'r, 'a> {
    pub fn of(ev: &'r Evaluator<'a>, res: &'r Resource<'a>, inst: &Instance) -> Self {
        Res {
            span: Span::new(res.file, parse::block_header(res.block)),
            src: Src::Hcl {
                ev,
                file: res.file,
                body: res.body(),
                scope: Rc::new(inst.scope.flattened()),
            },
        }
    }

    /// A planned resource's values.
    pub fn planned(file: FileId, r: &'r plan::PlannedResource) -> Self {
        Res {
            span: Span::new(file, r.values.span.clone()),
            src: Src::Plan {
                file,
                values: &r.values,
                unknown: r.unknown.as_ref(),
                refs: Some(&r.refs),
            },
        }
    }

    /// A CloudFormation resource's `Properties` (or a nested property object), located at `span`.
    pub fn template(
        file: FileId,
        tpl: &'r crate::cloudformation::Template<'r>,
        props: &'r json::Node,
        span: Span,
    ) -> Self {
        Res {
            span,
            src: Src::Template { file, tpl, props },
        }
    }

    /// The evaluated value of an attribute and the span of the whole attribute.
    pub fn attr(&self, name: &str) -> Option<(Value, Span)> {
        self.attr_traced(name).map(|(v, s, _, _)| (v, s))
    }

    /// [`Res::attr`] with where the value came from and why parts of it are unknown.
    pub fn attr_traced(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)> {
        match &self.src {
            Src::Hcl {
                ev,
                file,
                body,
                scope,
            } => {
                let a = body.get_attribute(name)?;
                let span = Span::new(*file, parse::attribute(a));
                let value = ev.eval_in(*file, &a.value, scope);
                let mut why = ev.take_why();
                if let Value::Ref(r) = &value {
                    why.push(format!(
                        "{}.{} is known only after apply",
                        r.address, r.attr
                    ));
                }
                Some((value, span, ev.take_trace(), why))
            }
            Src::Template { file, tpl, props } => {
                let p = props.prop(name)?;
                let value = tpl.value(&p.value);
                let why = tpl.take_why();
                // `!Ref AWS::NoValue` removes the property.
                if value == Value::Null {
                    return None;
                }
                Some((value, Span::new(*file, p.span()), Vec::new(), why))
            }
            Src::Plan {
                file,
                values,
                unknown,
                refs,
            } => {
                if let Some(p) = values.prop(name).filter(|p| !p.value.is_null()) {
                    let value = Value::from_json(&p.value.to_json());
                    return Some((value, Span::new(*file, p.span()), Vec::new(), Vec::new()));
                }
                let unknown_here = unknown
                    .and_then(|u| u.get(name))
                    .is_some_and(|u| !matches!(u.kind, json::Kind::Bool(false)));
                if !unknown_here {
                    return None;
                }
                let why = vec![format!("`{name}` is known only after apply in this plan")];
                let value = match refs.and_then(|r| r.get(name)) {
                    Some(address) => Value::Ref(Box::new(super::value::ResourceRef {
                        address: address.clone(),
                        attr: "id".into(),
                    })),
                    None => Value::Unknown,
                };
                Some((value, self.span.clone(), Vec::new(), why))
            }
        }
    }

    pub fn has(&self, name: &str) -> bool {
        match &self.src {
            Src::Hcl { body, .. } => body.get_attribute(name).is_some(),
            Src::Plan { values, .. } => values.get(name).is_some_and(|v| !v.is_null()),
            Src::Template { props, .. } => props.get(name).is_some(),
        }
    }

    /// Nested blocks named `ident`: in HCL literal ones first, then those `dynamic` blocks generate; in
    /// a plan, the objects of the list (or the object) under that name.
    pub fn blocks(&self, ident: &str) -> impl Iterator<Item = Res<'r, 'a>> + 'r {
        let out: Vec<Res<'r, 'a>> = match &self.src {
            Src::Hcl {
                ev,
                file,
                body,
                scope,
            } => {
                let (ev, file) = (*ev, *file);
                ev.blocks_in(file, body, ident, scope)
                    .into_iter()
                    .map(|b| Res {
                        span: Span::new(file, parse::block_header(b.header)),
                        src: Src::Hcl {
                            ev,
                            file,
                            body: b.body,
                            scope: b.scope.map_or_else(|| Rc::clone(scope), Rc::new),
                        },
                    })
                    .collect()
            }
            Src::Plan {
                file,
                values,
                unknown,
                ..
            } => {
                let (file, values, unknown) = (*file, *values, *unknown);
                let under = unknown.and_then(|u| u.get(ident));
                let nested = |i: usize, node: &'r json::Node| Res {
                    span: Span::new(file, node.span.clone()),
                    src: Src::Plan {
                        file,
                        values: node,
                        unknown: under.and_then(|u| u.items().get(i).or(Some(u))),
                        refs: None,
                    },
                };
                match values.get(ident).map(|v| &v.kind) {
                    Some(json::Kind::Array(items)) => items
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| matches!(n.kind, json::Kind::Object(_)))
                        .map(|(i, n)| nested(i, n))
                        .collect(),
                    Some(json::Kind::Object(_)) => values
                        .get(ident)
                        .map(|n| nested(0, n))
                        .into_iter()
                        .collect(),
                    _ => Vec::new(),
                }
            }
            Src::Template { file, tpl, props } => {
                let (file, tpl) = (*file, *tpl);
                let nested = |n: &'r json::Node| {
                    Res::template(file, tpl, n, Span::new(file, n.span.clone()))
                };
                match props.get(ident).map(|v| &v.kind) {
                    Some(json::Kind::Array(items)) => items
                        .iter()
                        .filter(|n| matches!(n.kind, json::Kind::Object(_)))
                        .map(nested)
                        .collect(),
                    Some(json::Kind::Object(_)) => {
                        props.get(ident).map(nested).into_iter().collect()
                    }
                    _ => Vec::new(),
                }
            }
        };
        out.into_iter()
    }

    pub fn block(&self, ident: &str) -> Option<Res<'r, 'a>> {
        self.blocks(ident).next()
    }
}

/// Something with named fields an adapter reads: a block, or an object value standing for one.
pub(crate) trait Fields {
    /// The value of field `name`, where it is, where it came from and why parts are unknown.
    fn get(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)>;
}

impl<T: Fields> Fields for &T {
    fn get(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)> {
        (**self).get(name)
    }
}

impl Fields for Res<'_, '_> {
    fn get(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)> {
        self.attr_traced(name)
    }
}

/// An object in a list attribute written instead of nested blocks (`ingress = [{ … }]`): its fields are
/// located at the attribute.
pub(crate) struct ObjectFields<'v> {
    pub map: &'v std::collections::BTreeMap<String, Value>,
    pub span: Span,
}

impl Fields for ObjectFields<'_> {
    fn get(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)> {
        self.map
            .get(name)
            .map(|v| (v.clone(), self.span.clone(), Vec::new(), Vec::new()))
    }
}

/// What reading an attribute gave.
pub(crate) enum Field<T> {
    Known(T),
    Unknown,
    NotWritten,
}

impl<T> Field<T> {
    /// The value, or `default` when not written; `None` when unknown.
    pub fn or_default(self, default: T) -> Option<T> {
        match self {
            Field::Known(v) => Some(v),
            Field::Unknown => None,
            Field::NotWritten => Some(default),
        }
    }

    pub fn known(self) -> Option<T> {
        match self {
            Field::Known(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_written(&self) -> bool {
        !matches!(self, Field::NotWritten)
    }
}

/// Collects an entity's unknown paths and attribute locations while it is built.
pub(crate) struct Tracker {
    id: String,
    label: String,
    unknown: Vec<String>,
    locs: EntityLocations,
}

impl Tracker {
    pub fn new(id: String, label: String, resource: String, header: Span) -> Tracker {
        Tracker {
            id,
            label,
            unknown: Vec::new(),
            locs: EntityLocations {
                resource,
                header,
                attrs: HashMap::new(),
                missing: HashMap::new(),
                traces: HashMap::new(),
                unknown_why: HashMap::new(),
            },
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn at(&mut self, path: impl Into<String>, span: Span) {
        self.locs.attrs.insert(path.into(), span);
    }

    pub fn mark_unknown(&mut self, path: impl Into<String>) {
        let path = path.into();
        if !self.unknown.contains(&path) {
            self.unknown.push(path);
        }
    }

    pub fn is_unknown(&self, path: &str) -> bool {
        self.unknown.iter().any(|u| u == path)
    }

    /// Records that model path `path` comes from source attribute `attr`, which was not written.
    pub fn left_out(&mut self, path: &str, attr: &str) {
        self.locs.missing.insert(path.to_string(), attr.to_string());
    }

    /// Why the value at `path` is unknown.
    pub fn explain(&mut self, path: &str, why: Vec<String>) {
        self.locs.unknown_why.insert(path.to_string(), why);
    }

    /// A companion resource settled what was unknown about a bucket standing on its own.
    pub fn unknown_remove(&mut self, path: &str) {
        self.unknown.retain(|u| u != path);
    }

    /// Reads attribute `attr` of `r` into model path `path`, converting with `conv` (a value of the wrong
    /// type counts as unknown).
    pub fn field<T>(
        &mut self,
        r: &impl Fields,
        attr: &str,
        path: &str,
        conv: impl Fn(&Value) -> Option<T>,
    ) -> Field<T> {
        let Some((value, span, trace, why)) = r.get(attr) else {
            self.left_out(path, attr);
            return Field::NotWritten;
        };
        self.at(path, span);
        if !trace.is_empty() {
            self.locs.traces.insert(path.to_string(), trace);
        }
        // `attr = null` (or a variable that is null) means the argument is omitted: the default applies,
        // and the finding points at the attribute.
        if value == Value::Null {
            return Field::NotWritten;
        }
        match conv(&value) {
            Some(v) => {
                if !why.is_empty() {
                    // Known as a whole, with unknown parts (a document): keep the reasons for them.
                    self.locs.unknown_why.insert(path.to_string(), why);
                }
                Field::Known(v)
            }
            None => {
                self.mark_unknown(path);
                self.locs.unknown_why.insert(path.to_string(), why);
                Field::Unknown
            }
        }
    }

    /// Reads a policy document attribute (JSON text, or `jsonencode` of a partly known value); the
    /// parts that are unknown are listed under `path`.
    pub fn document(&mut self, r: &impl Fields, attr: &str, path: &str) -> Field<Document> {
        let field = self.field(r, attr, path, document);
        // A trace for a whole document would name whatever part came from a variable, not the
        // statement a policy reports.
        self.locs.traces.remove(path);
        match field {
            Field::Known((doc, unknown)) => {
                for u in unknown {
                    self.mark_unknown(format!("{path}.{u}"));
                }
                Field::Known(doc)
            }
            Field::Unknown => Field::Unknown,
            Field::NotWritten => Field::NotWritten,
        }
    }

    pub fn finish(self, locations: &mut Locations) -> Meta {
        locations.entities.insert(self.id.clone(), self.locs);
        Meta {
            id: self.id,
            label: self.label,
            unknown: self.unknown,
        }
    }
}

pub(crate) fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(_) | Value::Bool(_) => v.to_template_string(),
        _ => None,
    }
}

/// Which rules of a security group.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    /// The model field: `ingress` or `egress`.
    pub fn key(self) -> &'static str {
        match self {
            Direction::Ingress => "ingress",
            Direction::Egress => "egress",
        }
    }

    /// The CloudFormation property of a security group: `SecurityGroupIngress` or `SecurityGroupEgress`.
    pub fn property(self) -> &'static str {
        match self {
            Direction::Ingress => "SecurityGroupIngress",
            Direction::Egress => "SecurityGroupEgress",
        }
    }
}

/// Security group protocols as the model names them: `-1` for all, numbers 6/17/1/58 named.
pub(crate) fn normalize_protocol(p: &str) -> String {
    match p.to_ascii_lowercase().as_str() {
        "-1" | "all" => "-1".into(),
        "6" => "tcp".into(),
        "17" => "udp".into(),
        "1" => "icmp".into(),
        "58" => "icmpv6".into(),
        other => other.to_string(),
    }
}

pub(crate) fn boolean(v: &Value) -> Option<bool> {
    v.as_bool()
}

pub(crate) fn number(v: &Value) -> Option<f64> {
    v.as_number()
}

/// A list of strings; unknown elements are dropped (they can match nothing), an unknown list is unknown.
pub(crate) fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::List(items) => Some(items.iter().filter_map(string).collect()),
        Value::Null => Some(Vec::new()),
        _ => None,
    }
}

/// A policy document from a JSON string or a partly known `jsonencode` value, with its unknown paths.
pub(crate) fn document(v: &Value) -> Option<(Document, Vec<String>)> {
    let json = match v {
        Value::String(s) => serde_json::from_str(s).ok()?,
        Value::Json(inner) => lossy_json(inner),
        Value::Object(_) => lossy_json(v),
        _ => return None,
    };
    Document::from_json_with_unknowns(&json)
}

/// JSON with every unknown part as `null`, which document parsing drops.
fn lossy_json(v: &Value) -> serde_json::Value {
    match v {
        Value::List(items) => serde_json::Value::Array(items.iter().map(lossy_json).collect()),
        Value::Object(map) => serde_json::Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), lossy_json(v)))
                .collect(),
        ),
        Value::Json(inner) => lossy_json(inner),
        other => other.to_json().unwrap_or(serde_json::Value::Null),
    }
}

/// Entities that companion resources join, found by address or by name.
pub(crate) struct Joiner<T> {
    pub items: Vec<(T, Tracker)>,
    by_address: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl<T: HasMeta> Joiner<T> {
    pub fn new() -> Self {
        Joiner {
            items: Vec::new(),
            by_address: HashMap::new(),
            by_name: HashMap::new(),
        }
    }

    pub fn add(&mut self, item: T, tracker: Tracker, name: Option<&str>) {
        if let Some(n) = name {
            self.by_name.insert(n.to_string(), self.items.len());
        }
        self.by_address
            .insert(tracker.id().to_string(), self.items.len());
        self.items.push((item, tracker));
    }

    pub fn find(&self, target: &Target) -> Option<usize> {
        match target {
            Target::Address(a) => self.by_address.get(a).copied(),
            Target::Name(n) => self.by_name.get(n).copied(),
            Target::Unknown => None,
        }
    }

    /// The entity the companion `inst` names through `attr`; when it is not in this module, the companion
    /// stands as an entity of its own with the `unknown` paths it cannot tell.
    pub fn join(&mut self, item: &Item, attr: &str, unknown: &[&str]) -> &mut (T, Tracker) {
        let r = &item.res;
        let (target, why) = match r.attr_traced(attr) {
            Some((v, _, _, why)) => (target(&v), why),
            None => (Target::Unknown, Vec::new()),
        };
        let i = match self.find(&target) {
            Some(i) => i,
            None => {
                let mut t = item.tracker();
                let mut reasons = vec![format!(
                    "`{attr}` names a resource that is not in the scanned code, so its other settings are unknown"
                )];
                reasons.extend(why);
                for u in unknown {
                    t.mark_unknown(*u);
                    t.locs.unknown_why.insert(u.to_string(), reasons.clone());
                }
                self.add(T::default(), t, None);
                self.items.len() - 1
            }
        };
        &mut self.items[i]
    }

    /// Every entity with its meta filled in; locations go to `locations`.
    pub fn finish(self, locations: &mut Locations) -> Vec<T> {
        self.items
            .into_iter()
            .map(|(mut item, t)| {
                *item.meta_mut() = t.finish(locations);
                item
            })
            .collect()
    }
}

/// How a companion resource names its parent: by reference to its address, or by a literal name.
pub(crate) enum Target {
    Address(String),
    Name(String),
    Unknown,
}

pub(crate) fn target(v: &Value) -> Target {
    match v {
        Value::Ref(r) => Target::Address(r.address.clone()),
        Value::String(s) => Target::Name(s.clone()),
        _ => Target::Unknown,
    }
}
