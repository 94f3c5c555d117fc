//! Terraform resources → the normalized model (`crate::model`), with a location for every attribute read.
//!
//! The entry points and one adapter file per service; the toolkit they use (`Res`, `Tracker`,
//! `Joiner`, value converters) is `crate::adapt`, shared with the CloudFormation adapters. Knows
//! Terraform's AWS resource types and the cloud defaults the provider applies; knows nothing of
//! policies or output formats.

mod ebs;
mod ec2;
mod s3;
mod sns;

use super::eval::Evaluator;
use super::plan;
use crate::adapt::raw::RawInput;
use crate::adapt::{Item, Res};
use crate::model::{Locations, Model};
use crate::source::FileId;
use std::rc::Rc;

/// Builds the model of an evaluated root module and every module it calls, in one pass: companion
/// resources join their parent across modules (by prefixed address or by the globally unique name).
pub fn adapt(root: &Evaluator) -> (Model, Locations) {
    let (model, locations, _) = adapt_with_raw(root, false);
    (model, locations)
}

/// [`adapt`], and with `raw` the raw input of custom policies too (every resource instance of every
/// module, see [`crate::adapt::raw`]).
pub fn adapt_with_raw(root: &Evaluator, raw: bool) -> (Model, Locations, Option<RawInput>) {
    let mut children = Vec::new();
    collect_children(root, 0, &mut children);
    let mut evs: Vec<&Evaluator> = vec![root];
    evs.extend(children.iter().map(|(c, _)| c.as_ref()));
    // The index in `evs` of each module instance's caller (none for the root).
    let parents: Vec<Option<usize>> = std::iter::once(None)
        .chain(children.iter().map(|(_, p)| Some(*p)))
        .collect();
    let mut cx = Cx {
        evs,
        plan: None,
        model: Model::default(),
        locations: Locations::default(),
    };
    let budget = root.instances_left();
    adapt_all(&mut cx);
    let raw = raw.then(|| {
        // The same instances as the adapters saw, without spending the budget twice.
        let after = root.instances_left();
        root.set_instances_left(budget);
        let mut out = RawInput::default();
        for (at, &ev) in cx.evs.iter().enumerate() {
            for res in &ev.module.resources {
                for inst in ev.instances(res) {
                    let item = Item {
                        res: Res::of(ev, res, &inst),
                        address: inst.address,
                        label: inst.label,
                    };
                    let defaults = default_tags(&cx.evs, &parents, at, res);
                    out.push_terraform(res.rtype, &item, defaults);
                }
            }
        }
        root.set_instances_left(after);
        out
    });
    (cx.model, cx.locations, raw)
}

/// A provider configuration's name as a reference writes it: `aws` → (`aws`, none), `aws.west` →
/// (`aws`, `west`); `None` for anything else.
fn provider_ref(expr: &hcl_edit::expr::Expression) -> Option<(String, Option<String>)> {
    use hcl_edit::expr::{Expression, TraversalOperator};
    match expr {
        Expression::Variable(v) => Some((v.as_str().to_string(), None)),
        Expression::Traversal(t) => {
            let Expression::Variable(v) = &t.expr else {
                return None;
            };
            match t.operators.as_slice() {
                [op] => match op.value() {
                    TraversalOperator::GetAttr(alias) => {
                        Some((v.as_str().to_string(), Some(alias.as_str().to_string())))
                    }
                    _ => None,
                },
                _ => None,
            }
        }
        Expression::Parenthesis(p) => provider_ref(p.inner()),
        _ => None,
    }
}

/// Where the provider configuration a resource uses is found.
enum Configured<'e, 'a> {
    /// A `provider` block of the module `evs[i]`.
    At(usize, &'e crate::terraform::module::Provider<'a>),
    /// No configuration: the provider's own defaults, no default tags.
    Nowhere,
    /// A module call's `providers` argument that is not a map of configuration references, at the
    /// call's file and the argument.
    Unreadable(FileId, &'e hcl_edit::structure::Attribute),
}

/// The configuration `name` (`aws`) with `alias` that module instance `evs[at]` uses, as Terraform
/// resolves it when it plans: a `provider` block of that module, else the configuration its caller
/// passes under that name in the call's `providers` map (`aws = aws.west`, then resolved in the
/// caller), else, for a default (not aliased) configuration, the caller's own, whether or not the call
/// has a `providers` map (Terraform walks up the module path; `terraform validate` warns when a map
/// leaves a needed name out). An aliased configuration is never inherited. In a module that is called,
/// a `provider` block with nothing but `alias` declares a name the caller must pass (the form before
/// `configuration_aliases`), not a configuration.
fn configured<'e, 'a>(
    evs: &[&'e Evaluator<'a>],
    parents: &[Option<usize>],
    mut at: usize,
    mut name: String,
    mut alias: Option<String>,
) -> Configured<'e, 'a> {
    // Each step moves to the caller, so the loop ends at the root.
    loop {
        let Some(ev) = evs.get(at) else {
            return Configured::Nowhere;
        };
        let parent = parents.get(at).copied().flatten();
        let declared = ev
            .module
            .providers
            .iter()
            .find(|p| p.name == name && p.alias == alias);
        if let Some(p) = declared {
            let proxy = parent.is_some()
                && p.block.body.blocks().next().is_none()
                && p.block.body.attributes().all(|a| a.key.as_str() == "alias");
            if !proxy {
                return Configured::At(at, p);
            }
        }
        let (Some(parent), Some(call)) = (parent, ev.call_name()) else {
            return Configured::Nowhere;
        };
        let Some(call) = evs
            .get(parent)
            .and_then(|caller| caller.module.calls.get(call))
        else {
            return Configured::Nowhere;
        };
        let mut passed = None;
        if let Some(map) = call.block.body.get_attribute("providers") {
            let hcl_edit::expr::Expression::Object(obj) = &map.value else {
                return Configured::Unreadable(call.file, map);
            };
            for (key, value) in obj.iter() {
                let key = match key {
                    hcl_edit::expr::ObjectKey::Ident(i) => Some((i.as_str().to_string(), None)),
                    // Terraform JSON writes the keys as strings.
                    hcl_edit::expr::ObjectKey::Expression(hcl_edit::expr::Expression::String(
                        k,
                    )) => Some(match k.split_once('.') {
                        Some((n, a)) => (n.to_string(), Some(a.to_string())),
                        None => (k.to_string(), None),
                    }),
                    hcl_edit::expr::ObjectKey::Expression(e) => provider_ref(e),
                };
                let (Some(key), Some(value)) = (key, provider_ref(value.expr())) else {
                    return Configured::Unreadable(call.file, map);
                };
                if key.0 == name && key.1 == alias {
                    passed = Some(value);
                }
            }
        }
        match passed {
            Some((n, a)) => (name, alias) = (n, a),
            None if alias.is_some() => return Configured::Nowhere,
            None => {}
        }
        at = parent;
    }
}

/// The `default_tags { tags = … }` of the AWS provider configuration that `res` (of the module
/// instance `evs[at]`) uses: the one its `provider` argument names (`aws.west`), else the default one,
/// found as [`configured`] resolves it through module calls.
fn default_tags(
    evs: &[&Evaluator],
    parents: &[Option<usize>],
    at: usize,
    res: &crate::terraform::module::Resource,
) -> Option<crate::adapt::raw::DefaultTags> {
    if !res.rtype.starts_with("aws_") {
        return None;
    }
    let (name, alias) = match res.body().get_attribute("provider") {
        Some(a) => provider_ref(&a.value)?,
        None => ("aws".to_string(), None),
    };
    if name != "aws" {
        return None;
    }
    match configured(evs, parents, at, name, alias) {
        Configured::Nowhere => None,
        Configured::Unreadable(file, attr) => Some(crate::adapt::raw::DefaultTags {
            value: crate::terraform::value::Value::Unknown,
            span: crate::source::Span::new(file, super::parse::attribute(attr)),
            why: vec![
                "the module call's `providers` argument is not a map of provider configurations"
                    .to_string(),
            ],
        }),
        Configured::At(i, provider) => {
            let ev = evs.get(i)?;
            let block = provider.block.body.get_blocks("default_tags").next()?;
            let attr = block.body.get_attribute("tags")?;
            let value = ev.eval_at(provider.file, &attr.value);
            let why = ev.take_why();
            Some(crate::adapt::raw::DefaultTags {
                value,
                span: crate::source::Span::new(provider.file, super::parse::attribute(attr)),
                why,
            })
        }
    }
}

/// The raw input of a Terraform plan (`file` is the plan's JSON): its planned resources.
pub fn raw_plan(file: FileId, plan: &plan::Plan) -> RawInput {
    let mut out = RawInput::default();
    for r in &plan.resources {
        let item = Item {
            res: Res::planned(file, r),
            address: r.address.clone(),
            label: r.label.clone(),
        };
        out.push(&r.rtype, &item);
    }
    out
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
    ebs::adapt(cx);
    ec2::adapt(cx);
    sns::adapt(cx);
    crate::adapt::aws::adapt(cx);
    crate::adapt::azure::adapt(cx);
    crate::adapt::gcp::adapt(cx);
}

/// The evaluators of every module instance `ev` calls, depth first in call-name order.
/// Every module instance under `ev` (which is `evs[at]`), depth first, each with its caller's index
/// in `evs` (the root, then `out` in order).
fn collect_children<'a>(ev: &Evaluator<'a>, at: usize, out: &mut Vec<(Rc<Evaluator<'a>>, usize)>) {
    for child in ev.children() {
        out.push((Rc::clone(&child), at));
        let index = out.len();
        collect_children(&child, index, out);
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

impl<'r, 'a: 'r> crate::adapt::Source<'r, 'a> for Cx<'r, 'a> {
    fn items(&self, terraform: &str, _: &str) -> Vec<Item<'r, 'a>> {
        if terraform.is_empty() {
            return Vec::new();
        }
        self.instances(terraform)
    }

    fn model(&mut self) -> &mut Model {
        &mut self.model
    }

    fn types(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .evs
            .iter()
            .flat_map(|ev| ev.module.resources.iter().map(|r| r.rtype.to_string()))
            .collect();
        if let Some((_, plan)) = self.plan {
            out.extend(plan.resources.iter().map(|r| r.rtype.clone()));
        }
        out.sort();
        out.dedup();
        out
    }

    fn locations(&mut self) -> &mut Locations {
        &mut self.locations
    }
}

impl<'r, 'a> Cx<'r, 'a> {
    /// Every instance of every resource of type `rtype` in every module (`count` and `for_each`
    /// expanded).
    pub fn instances(&self, rtype: &str) -> Vec<Item<'r, 'a>> {
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

/// The model of one Terraform file's text, for adapters' unit tests.
#[cfg(test)]
pub(crate) fn model_of_text(text: &str) -> crate::model::Model {
    use crate::source::{FileId, SourceFile};
    let f = SourceFile::new("m.tf".into(), "m.tf".into(), std::sync::Arc::from(text));
    let files = vec![crate::terraform::parse::parse(FileId(0), &f).expect("parses")];
    let module = crate::terraform::module::Module::new(&files);
    let ev = crate::terraform::eval::Evaluator::new(&module);
    adapt(&ev).0
}

#[cfg(test)]
mod tests {
    use crate::adapt::Source;

    #[test]
    fn types_lists_each_resource_type_once() {
        let text = "resource \"b\" \"x\" {}\nresource \"a\" \"y\" {}\nresource \"b\" \"z\" {}\ndata \"c\" \"d\" {}\n";
        let f = crate::source::SourceFile::new(
            "m.tf".into(),
            "m.tf".into(),
            std::sync::Arc::from(text),
        );
        let files =
            vec![crate::terraform::parse::parse(crate::source::FileId(0), &f).expect("parses")];
        let module = crate::terraform::module::Module::new(&files);
        let ev = crate::terraform::eval::Evaluator::new(&module);
        let cx = super::Cx {
            evs: vec![&ev],
            plan: None,
            model: crate::model::Model::default(),
            locations: crate::model::Locations::default(),
        };
        assert_eq!(cx.types(), vec!["a".to_string(), "b".to_string()]);
    }
}
