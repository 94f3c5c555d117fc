//! `Res`: the fields of one resource (or nested block) read the same way whatever the source: an HCL
//! block through the evaluator, a resource's values in a Terraform plan, or a CloudFormation resource's
//! `Properties`. With `Item` (one resource instance to adapt), the `Fields` trait and `Field` (what
//! reading gave).

use super::Tracker;
use crate::finding::Trace;
use crate::json;
use crate::json_spans::SpanTree;
use crate::source::{FileId, Span};
use crate::terraform::eval::{Evaluator, Instance, Scope};
use crate::terraform::module::Resource;
use crate::terraform::parse;
use crate::terraform::plan;
use crate::terraform::value::Value;
use hcl_edit::structure::Body;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The format a resource is written in: attribute names differ (`storage_encrypted`,
/// `StorageEncrypted`), the model they fill does not.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Format {
    /// HCL, Terraform JSON or a plan.
    Terraform,
    CloudFormation,
}

/// An attribute's name: the same in every format (`"acl"`), or a pair
/// `("storage_encrypted", "StorageEncrypted")` of its Terraform and CloudFormation names.
pub(crate) trait Name {
    fn pick(&self, format: Format) -> &str;
}

impl Name for &str {
    fn pick(&self, _: Format) -> &str {
        self
    }
}

impl Name for &&str {
    fn pick(&self, _: Format) -> &str {
        self
    }
}

impl Name for (&str, &str) {
    fn pick(&self, format: Format) -> &str {
        match format {
            Format::Terraform => self.0,
            Format::CloudFormation => self.1,
        }
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
        let mut t = Tracker::new(
            self.address.clone(),
            self.label.clone(),
            self.address.clone(),
            self.res.span.clone(),
        );
        // A resource whose `count`/`for_each` is unknown is judged once for all its instances: it is
        // reported as `address[*]`, with a note on the expression that could not be evaluated.
        if let Some((why, span)) = self.res.instances_unknown() {
            t.stands_for_all(format!("{}[*]", self.address), why, span);
        } else if let Some(all) = self.res.module_instances_unknown() {
            // The module instance's address already says `module.NAME[*]`.
            t.stands_for_all(self.address.clone(), all.why.clone(), all.span.clone());
        }
        t
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
        /// Why the instance's `count`/`for_each` could not be expanded: the reason for its unknowns.
        unexpanded: Option<Rc<str>>,
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
                unexpanded: inst.unexpanded.as_deref().map(Rc::from),
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

    /// For a resource instance standing for all instances of a resource whose `count` or `for_each`
    /// cannot be evaluated: why, and where that expression is.
    pub fn instances_unknown(&self) -> Option<(String, Span)> {
        let Src::Hcl {
            file,
            body,
            unexpanded: Some(why),
            ..
        } = &self.src
        else {
            return None;
        };
        let at = ["count", "for_each"]
            .iter()
            .find_map(|a| body.get_attribute(a))
            .map_or_else(
                || self.span.clone(),
                |a| Span::new(*file, parse::attribute(a)),
            );
        Some((why.to_string(), at))
    }

    /// For a resource in a module instance that stands for all instances of a call whose `count` or
    /// `for_each` cannot be evaluated: why, and where that expression is.
    pub fn module_instances_unknown(&self) -> Option<&'r crate::terraform::eval::StandsForAll> {
        match &self.src {
            Src::Hcl { ev, .. } => ev.stands_for_all(),
            Src::Plan { .. } | Src::Template { .. } => None,
        }
    }

    pub fn format(&self) -> Format {
        match self.src {
            Src::Template { .. } => Format::CloudFormation,
            Src::Hcl { .. } | Src::Plan { .. } => Format::Terraform,
        }
    }

    /// The lowest AWS provider major version the resource's module admits in its
    /// `required_providers` or legacy provider `version` argument (Terraform HCL only; `None` when
    /// not stated or not known).
    pub fn aws_provider_major(&self) -> Option<u32> {
        match &self.src {
            Src::Hcl { ev, .. } => ev.module.aws_provider_major,
            Src::Plan { .. } | Src::Template { .. } => None,
        }
    }

    /// The lowest `azurerm` provider major version the resource's module admits, as
    /// [`Res::aws_provider_major`] does for AWS.
    pub fn azurerm_provider_major(&self) -> Option<u32> {
        match &self.src {
            Src::Hcl { ev, .. } => ev.module.azurerm_provider_major,
            Src::Plan { .. } | Src::Template { .. } => None,
        }
    }

    /// The highest `azurerm` provider major version the resource's module admits, when its
    /// constraints bound it from above (`None` when unbounded, not stated or not known).
    pub fn azurerm_provider_highest_major(&self) -> Option<u32> {
        match &self.src {
            Src::Hcl { ev, .. } => ev.module.azurerm_provider_highest_major,
            Src::Plan { .. } | Src::Template { .. } => None,
        }
    }

    /// The evaluated value of an attribute and the span of the whole attribute.
    pub fn attr(&self, name: impl Name) -> Option<(Value, Span)> {
        self.attr_traced(name).map(|(v, s, _, _)| (v, s))
    }

    /// [`Res::attr`] with where the value came from and why parts of it are unknown.
    pub fn attr_traced(&self, name: impl Name) -> Option<(Value, Span, Vec<Trace>, Vec<String>)> {
        let name = name.pick(self.format());
        match &self.src {
            Src::Hcl {
                ev,
                file,
                body,
                scope,
                unexpanded,
            } => {
                let a = body.get_attribute(name)?;
                let span = Span::new(*file, parse::attribute(a));
                let value = ev.eval_in(*file, &a.value, scope);
                let mut why = ev.take_why();
                if let Value::Ref(r) = &value {
                    let data = r.address.starts_with("data.") || r.address.contains(".data.");
                    why.push(if data {
                        format!(
                            "{}.{} is read from the cloud when Terraform plans",
                            r.address, r.attr
                        )
                    } else {
                        format!("{}.{} is known only after apply", r.address, r.attr)
                    });
                }
                // Unknown for no other reason: through `count.index`/`each` of the resource or of the
                // module call.
                let expansion = unexpanded
                    .as_deref()
                    .or_else(|| ev.stands_for_all().map(|a| a.why.as_str()));
                if let Some(u) = expansion.filter(|_| why.is_empty()) {
                    if !value.is_known() {
                        why.push(u.to_string());
                    }
                }
                Some((value, span, ev.take_trace(), why))
            }
            Src::Template { file, tpl, props } => {
                let p = props.prop(name)?;
                // (What earlier evaluations traced is not this property's.)
                tpl.take_trace(*file);
                let value = tpl.value(&p.value);
                let why = tpl.take_why();
                let trace = tpl.take_trace(*file);
                // `!Ref AWS::NoValue` removes the property.
                if value == Value::Null {
                    return None;
                }
                Some((value, Span::new(*file, p.span()), trace, why))
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
                    Some(address) => Value::Ref(Box::new(crate::terraform::value::ResourceRef {
                        address: address.clone(),
                        attr: "id".into(),
                    })),
                    None => Value::Unknown,
                };
                Some((value, self.span.clone(), Vec::new(), why))
            }
        }
    }

    /// The names written in this block, sorted and without repeats: attributes and nested block types
    /// (in HCL, `dynamic` blocks by the type they generate); in a plan or a template, the keys of the
    /// values or properties. For adapters that look for a kind of attribute on any resource type.
    pub fn keys(&self) -> Vec<String> {
        let mut out: Vec<String> = match &self.src {
            Src::Hcl { body, .. } => body
                .attributes()
                .map(|a| a.key.as_str().to_string())
                .chain(body.blocks().filter_map(|b| {
                    if b.has_ident("dynamic") {
                        b.labels.first().map(|l| l.as_str().to_string())
                    } else {
                        Some(b.ident.as_str().to_string())
                    }
                }))
                .collect(),
            Src::Plan { values, .. } => values.props().iter().map(|p| p.key.clone()).collect(),
            Src::Template { props, .. } => props.props().iter().map(|p| p.key.clone()).collect(),
        };
        out.sort();
        out.dedup();
        out
    }

    /// Whether the block is written in HCL (not a plan's values or a template's properties).
    pub fn is_hcl(&self) -> bool {
        matches!(self.src, Src::Hcl { .. })
    }

    /// In a plan, the names whose value is known only after apply (`after_unknown`), with the paths
    /// under each that are (`""` for the whole value, `.owner`, `[0].port`); empty elsewhere.
    pub fn unknown_after_apply(&self) -> Vec<(String, Vec<String>)> {
        fn walk(node: &json::Node, at: String, out: &mut Vec<String>) {
            match &node.kind {
                json::Kind::Bool(true) => out.push(at),
                json::Kind::Object(props) => {
                    for p in props {
                        walk(&p.value, format!("{at}.{}", p.key), out);
                    }
                }
                json::Kind::Array(items) => {
                    for (i, n) in items.iter().enumerate() {
                        walk(n, format!("{at}[{i}]"), out);
                    }
                }
                _ => {}
            }
        }
        let Src::Plan {
            unknown: Some(unknown),
            ..
        } = &self.src
        else {
            return Vec::new();
        };
        unknown
            .props()
            .iter()
            .filter_map(|p| {
                let mut parts = Vec::new();
                walk(&p.value, String::new(), &mut parts);
                (!parts.is_empty()).then(|| (p.key.clone(), parts))
            })
            .collect()
    }

    pub fn has(&self, name: impl Name) -> bool {
        let name = name.pick(self.format());
        match &self.src {
            Src::Hcl { body, .. } => body.get_attribute(name).is_some(),
            Src::Plan { values, .. } => values.get(name).is_some_and(|v| !v.is_null()),
            Src::Template { props, .. } => props.get(name).is_some(),
        }
    }

    /// Nested blocks named `ident` ([`Res::nested`]); none when that cannot be told.
    pub fn blocks(&self, ident: impl Name) -> impl Iterator<Item = Res<'r, 'a>> + 'r {
        self.nested(ident).unwrap_or_default().into_iter()
    }

    /// Nested blocks named `ident`: in HCL literal ones first, then those `dynamic` blocks generate (`Err`
    /// when a `dynamic` block's `for_each` is unknown); in
    /// a plan, the objects of the list (or the object) under that name; in a template, the property
    /// object or the objects of the property list, with `Fn::If` followed where its condition is
    /// decided and `!Ref AWS::NoValue` removed. `Err` with why when a template cannot tell, or when
    /// no HCL block is known and a `dynamic` one has a `for_each` that is not known.
    pub fn nested(&self, ident: impl Name) -> Result<Vec<Res<'r, 'a>>, Vec<String>> {
        let ident = ident.pick(self.format());
        let out: Vec<Res<'r, 'a>> = match &self.src {
            Src::Hcl {
                ev,
                file,
                body,
                scope,
                unexpanded,
            } => {
                let (ev, file) = (*ev, *file);
                ev.blocks_checked(file, body, ident, scope)?
                    .into_iter()
                    .map(|b| Res {
                        span: Span::new(file, parse::block_header(b.header)),
                        src: Src::Hcl {
                            ev,
                            file,
                            body: b.body,
                            scope: b.scope.map_or_else(|| Rc::clone(scope), Rc::new),
                            unexpanded: unexpanded.clone(),
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
                use crate::cloudformation::Resolved;
                let (file, tpl) = (*file, *tpl);
                let nested = |n: &'r json::Node| {
                    Res::template(file, tpl, n, Span::new(file, n.span.clone()))
                };
                let Some(node) = props.get(ident) else {
                    return Ok(Vec::new());
                };
                match tpl.resolve(node) {
                    Resolved::Absent => Vec::new(),
                    Resolved::Unknown(why) => return Err(why),
                    Resolved::Node(n) => match &n.kind {
                        json::Kind::Object(_) => vec![nested(n)],
                        json::Kind::Array(items) => {
                            let mut out = Vec::new();
                            for item in items {
                                match tpl.resolve(item) {
                                    Resolved::Absent => {}
                                    Resolved::Unknown(why) => return Err(why),
                                    Resolved::Node(n) => {
                                        if matches!(n.kind, json::Kind::Object(_)) {
                                            out.push(nested(n))
                                        }
                                    }
                                }
                            }
                            out
                        }
                        _ => return Err(vec![format!("`{ident}` is not an object or a list")]),
                    },
                }
            }
        };
        Ok(out)
    }

    pub fn block(&self, ident: impl Name) -> Option<Res<'r, 'a>> {
        self.blocks(ident).next()
    }
}

/// Something with named fields an adapter reads: a block, or an object value standing for one.
pub(crate) trait Fields {
    /// The value of field `name`, where it is, where it came from and why parts are unknown.
    fn get(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)>;

    /// Which of a [`Name`]'s spellings the fields use.
    fn format(&self) -> Format {
        Format::Terraform
    }

    /// Where the parts of the JSON-shaped value of field `name` (a policy document) are written, when
    /// the source writes them out.
    fn document_tree(&self, _name: &str) -> Option<SpanTree> {
        None
    }
}

impl<T: Fields> Fields for &T {
    fn get(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)> {
        (**self).get(name)
    }

    fn format(&self) -> Format {
        (**self).format()
    }

    fn document_tree(&self, name: &str) -> Option<SpanTree> {
        (**self).document_tree(name)
    }
}

impl Fields for Res<'_, '_> {
    fn get(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)> {
        self.attr_traced(name)
    }

    fn format(&self) -> Format {
        Res::format(self)
    }

    fn document_tree(&self, name: &str) -> Option<SpanTree> {
        match &self.src {
            Src::Hcl {
                ev,
                file,
                body,
                scope,
                ..
            } => {
                let a = body.get_attribute(name)?;
                ev.document_tree(*file, &a.value, scope)
            }
            Src::Template { file, tpl, props } => {
                let p = props.prop(name)?;
                // JSON text in a string (or `Fn::Sub` of one), mapped back into the template's text.
                if let Some(tree) =
                    crate::cloudformation::json_strings::string_tree(*file, tpl.source(), &p.value)
                {
                    return Some(tree);
                }
                // An object written out.
                (matches!(p.value.kind, json::Kind::Object(_))
                    && crate::cloudformation::json_strings::sub_string(&p.value).is_none())
                .then(|| SpanTree::from_node(*file, &p.value))
            }
            Src::Plan { .. } => None,
        }
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
